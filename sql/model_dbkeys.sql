-- model_dbkeys: keys the database sets itself (a BEFORE INSERT trigger, a
-- DEFAULT that reads the table) are read back with RETURNING, row by row,
-- and are what the pool, the children and the referencing rows get
-- (README "Keys the database sets").  Everything lives in schema dk,
-- aggregates are named after its tables, and both go at the end.
SET faker.progress = off;
CREATE SCHEMA dk;
SET search_path = dk, public;
CREATE TABLE tenant (id serial PRIMARY KEY, name text);
-- the id comes from the table's own sequence, whatever the INSERT says
CREATE SEQUENCE parent_ids START 1000;
CREATE TABLE parent (id int PRIMARY KEY, tenant_id int NOT NULL REFERENCES tenant, name text);
CREATE FUNCTION parent_id() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN NEW.id := pg_catalog.nextval('dk.parent_ids'); RETURN NEW; END$$;
CREATE TRIGGER parent_id BEFORE INSERT ON parent FOR EACH ROW EXECUTE FUNCTION parent_id();
CREATE TABLE child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent, note text);
-- the plan says how the parent's keys are obtained
SELECT step, aggregate, via, distributor FROM faker_explain('child') ORDER BY step, via NULLS FIRST;
-- zero spec: 300 children, their parents (mean 10) and the tenants above
SELECT aggregate, created, reused FROM faker_populate('child', 300, 1) ORDER BY aggregate;
-- every foreign key holds; the parents' ids are the trigger's (1000 on)
SELECT (SELECT count(*) FROM child c WHERE NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.parent_id)) AS orphan_children,
       (SELECT count(*) FROM parent p WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = p.tenant_id)) AS orphan_parents,
       (SELECT count(*) FROM parent) AS parents, (SELECT min(id) FROM parent) AS min_id,
       (SELECT max(id) FROM parent) AS max_id, (SELECT count(DISTINCT parent_id) FROM child) AS parents_used;
-- a second call reuses the parents of the first (and makes new ones)
CREATE TABLE first_parents AS SELECT id FROM parent;
SELECT aggregate, created, reused FROM faker_populate('child', 300, 2) ORDER BY aggregate;
SELECT (SELECT count(*) FROM child c WHERE NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.parent_id)) AS orphan_children,
       (SELECT count(*) FROM parent) AS parents,
       (SELECT count(*) FROM child WHERE id > 300 AND parent_id IN (SELECT id FROM first_parents)) > 0 AS reuses_first;

-- a key DEFAULT that reads the table (max + 1): evaluated in advance it
-- would give a batch one value; written row by row it counts up
CREATE TABLE seq_parent (id int PRIMARY KEY, name text);
CREATE FUNCTION seq_parent_next() RETURNS int LANGUAGE sql AS
'SELECT COALESCE(pg_catalog.max(id) OPERATOR(pg_catalog.+) 1, 1) FROM dk.seq_parent';
ALTER TABLE seq_parent ALTER id SET DEFAULT seq_parent_next();
CREATE TABLE seq_child (id serial PRIMARY KEY, seq_parent_id int NOT NULL REFERENCES seq_parent);
SELECT step, aggregate, distributor FROM faker_explain('seq_parent');
-- children made from the parent side get the returned key too
SELECT faker_define('seq_parent', 'dk.seq_parent', '{"children": {"seq_child": {"via": "seq_parent_id", "mean": 3, "spread": 0}}}');
SELECT step, aggregate, via, distributor FROM faker_explain('seq_parent') ORDER BY step, via NULLS FIRST;
SELECT aggregate, created FROM faker_populate('seq_parent', 50, 3) ORDER BY aggregate;
SELECT count(*) AS parents, min(id), max(id),
       (SELECT count(*) FROM seq_child) AS children,
       (SELECT count(*) FROM seq_child c WHERE NOT EXISTS (SELECT 1 FROM seq_parent p WHERE p.id = c.seq_parent_id)) AS orphans,
       (SELECT count(*) FROM (SELECT seq_parent_id FROM seq_child GROUP BY 1 HAVING count(*) <> 3) s) AS not_three
  FROM seq_parent;
-- zero spec on the child: reuses the 50 and appends with the DEFAULT's keys
-- (the new parents get their 3 children each too: 200 + 3 per new parent)
SELECT aggregate, created, reused FROM faker_populate('seq_child', 200, 4) ORDER BY aggregate;
SELECT count(*) AS parents, max(id),
       (SELECT count(*) FROM seq_child c WHERE NOT EXISTS (SELECT 1 FROM seq_parent p WHERE p.id = c.seq_parent_id)) AS orphans
  FROM seq_parent;

-- a text key a trigger makes from an identity column, under a reference
-- to a unique column (not the primary key)
CREATE TABLE coded (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text UNIQUE NOT NULL);
CREATE FUNCTION coded_code() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN NEW.code := 'T' OPERATOR(pg_catalog.||) NEW.id; RETURN NEW; END$$;
CREATE TRIGGER coded_code BEFORE INSERT ON coded FOR EACH ROW EXECUTE FUNCTION coded_code();
CREATE TABLE coded_use (id serial PRIMARY KEY, code text NOT NULL REFERENCES coded (code));
SELECT aggregate, created, reused FROM faker_populate('coded_use', 100, 5) ORDER BY aggregate;
SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM coded c WHERE c.code = u.code)) AS orphans,
       count(*) FILTER (WHERE u.code !~ '^T[0-9]+$') AS not_the_triggers
  FROM coded_use u;

-- a tree on a trigger-keyed table: parents chosen by level get the keys
-- the trigger gave (every row reached from a root, depth at most 4)
CREATE SEQUENCE cat_ids START 500;
CREATE TABLE cat (id int PRIMARY KEY, parent_id int REFERENCES cat, name text);
CREATE FUNCTION cat_id() RETURNS trigger LANGUAGE plpgsql AS
$$BEGIN NEW.id := pg_catalog.nextval('dk.cat_ids'); RETURN NEW; END$$;
CREATE TRIGGER cat_id BEFORE INSERT ON cat FOR EACH ROW EXECUTE FUNCTION cat_id();
SELECT faker_define('cat', 'dk.cat', '{"references": {"parent_id": {"mean": 3, "depth": {"max": 4}}}}');
SELECT created FROM faker_populate('cat', 200, 6);
WITH RECURSIVE t(id, depth) AS (
    SELECT id, 1 FROM cat WHERE parent_id IS NULL
    UNION ALL SELECT c.id, t.depth + 1 FROM cat c JOIN t ON c.parent_id = t.id WHERE t.depth < 100)
SELECT count(*) AS reached, max(depth) AS max_depth, (SELECT count(*) FROM cat) AS rows,
       (SELECT min(id) FROM cat) AS min_id FROM t;

-- a trigger that skips a row leaves no key to reference: 09000, nothing written
CREATE TABLE skipper (id serial PRIMARY KEY, name text);
CREATE FUNCTION skip_all() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
CREATE TRIGGER skip_all BEFORE INSERT ON skipper FOR EACH ROW EXECUTE FUNCTION skip_all();
CREATE TABLE skipper_use (id serial PRIMARY KEY, skipper_id int NOT NULL REFERENCES skipper);
\set VERBOSITY sqlstate
SELECT * FROM faker_populate('skipper_use', 10, 7);
\set VERBOSITY default
SELECT * FROM faker_populate('skipper_use', 10, 7);
SELECT (SELECT count(*) FROM skipper) AS skippers, (SELECT count(*) FROM skipper_use) AS uses;

-- a table nothing references keeps its batches, trigger or not
SELECT step, aggregate, distributor FROM faker_explain('parent') WHERE via IS NULL ORDER BY step;

SELECT faker_undefine(name, forget => true) FROM faker.aggregate WHERE name IN ('seq_parent', 'cat') ORDER BY name;
SELECT faker_reset();
RESET search_path;
DROP SCHEMA dk CASCADE;
