-- Nondeterministic (case-insensitive) collation on the parent key.  A BEFORE
-- trigger of the child lower-cases some keys, so one batch holds 'K1' and
-- 'k1'.  The check's k (DISTINCT over text[] elements, default collation)
-- has 2 rows, l (parent rows matching under the parent's collation) has 1:
-- faker raises 23503.  Row triggers: 'k1' = 'K1' under the collation, ok.
SET faker.progress = off;
DROP TABLE IF EXISTS r2_child, r2_parent CASCADE;
DROP COLLATION IF EXISTS r2_ci;
CREATE COLLATION r2_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE r2_parent (code text COLLATE r2_ci PRIMARY KEY);
INSERT INTO r2_parent VALUES ('K1');
CREATE TABLE r2_child (id serial PRIMARY KEY, code text NOT NULL REFERENCES r2_parent);
CREATE FUNCTION r2_lower() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.id % 2 = 0 THEN NEW.code := lower(NEW.code); END IF; RETURN NEW; END$$;
CREATE TRIGGER r2_lower BEFORE INSERT ON r2_child FOR EACH ROW EXECUTE FUNCTION r2_lower();
SELECT faker_define('r2_child', 'r2_child', '{"references": {"code": {"mean": 1000000}}}');
SELECT distributor->>'fk_check' AS fk_check FROM faker_explain('r2_child') WHERE via IS NULL AND relation = 'r2_child'::regclass;
SELECT aggregate, created FROM faker_populate('r2_child', 10, 1);
SELECT code, count(*) FROM r2_child GROUP BY 1 ORDER BY 1;
