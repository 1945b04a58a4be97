-- One faker_populate call; an AFTER ROW trigger of the child deletes a parent
-- through a SELECT with a data-modifying WITH (its children cascade away).
-- FkKnownNoteQuery returned early for CMD_SELECT, so nothing emptied the set:
-- later rows pointing at the deleted parent are not checked, orphans commit.
-- Row mode: 23503 (Key (parent_id)=(..) is not present).
SET faker.progress = off;
DROP TABLE IF EXISTS r6_child, r6_parent CASCADE;
DROP FUNCTION IF EXISTS r6_drop();
CREATE TABLE r6_parent (id int PRIMARY KEY);
INSERT INTO r6_parent SELECT generate_series(1, 3);
CREATE TABLE r6_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES r6_parent ON DELETE CASCADE);
CREATE FUNCTION r6_drop() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  IF NEW.id = 3000 THEN
    WITH d AS (DELETE FROM r6_parent WHERE id = 1 RETURNING id) SELECT count(*) INTO n FROM d;
  END IF;
  RETURN NULL;
END$$;
CREATE TRIGGER r6_drop AFTER INSERT ON r6_child FOR EACH ROW EXECUTE FUNCTION r6_drop();
SELECT faker_define('r6_child', 'r6_child', '{"references": {"parent_id": {"mean": 1000000}}}');
SELECT distributor->>'fk_check' AS fk_check FROM faker_explain('r6_child') WHERE via IS NULL AND relation = 'r6_child'::regclass;
SELECT aggregate, created FROM faker_populate('r6_child', 6000, 1);
SELECT count(*) AS orphans FROM r6_child c WHERE NOT EXISTS (SELECT 1 FROM r6_parent p WHERE p.id = c.parent_id);
