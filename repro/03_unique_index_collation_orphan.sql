-- The referenced unique index uses a different collation ("C") than the
-- parent column (case-insensitive): 'K1' and 'k1' are both parent rows.
-- A batch with keys 'k1' and 'missing': k has 2 rows, l has 2 ('K1' and
-- 'k1' both match 'k1' under the column's collation): the check passes and
-- 'missing' commits as an orphan.  Row triggers: 23503 for 'missing'.
SET faker.progress = off;
DROP TABLE IF EXISTS r3_child, r3_parent CASCADE;
DROP COLLATION IF EXISTS r3_ci;
CREATE COLLATION r3_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE r3_parent (code text COLLATE r3_ci NOT NULL);
CREATE UNIQUE INDEX r3_parent_code ON r3_parent (code COLLATE "C");
INSERT INTO r3_parent VALUES ('K1'), ('k1');
CREATE TABLE r3_child (id serial PRIMARY KEY, code text NOT NULL REFERENCES r3_parent (code));
CREATE FUNCTION r3_bad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.id % 2 = 0 THEN NEW.code := 'missing'; ELSE NEW.code := 'k1'; END IF; RETURN NEW; END$$;
CREATE TRIGGER r3_bad BEFORE INSERT ON r3_child FOR EACH ROW EXECUTE FUNCTION r3_bad();
SELECT faker_define('r3_child', 'r3_child', '{"references": {"code": {"mean": 1000000}}}');
SELECT distributor->>'fk_check' AS fk_check FROM faker_explain('r3_child') WHERE via IS NULL AND relation = 'r3_child'::regclass;
SELECT aggregate, created FROM faker_populate('r3_child', 10, 1);
SELECT code, count(*), bool_and(EXISTS (SELECT 1 FROM r3_parent p WHERE p.code = c.code)) AS has_parent FROM r3_child c GROUP BY 1 ORDER BY 1;
