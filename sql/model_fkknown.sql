-- Keys a call has checked (src/model/fkknown.c): a key found and locked
-- FOR KEY SHARE once is not checked again in the call, unless this
-- transaction may have removed its row since.
SET faker.progress = off;
CREATE TABLE fkk_parent (id int PRIMARY KEY);
CREATE TABLE fkk_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES fkk_parent ON DELETE CASCADE);
SELECT faker_define('fkk_child', 'fkk_child', '{"references": {"parent_id": {"mean": 1000}}}');
-- the pools' tables first (their DDL talks at DEBUG1 too)
SELECT count(*) FROM faker_populate('fkk_child', 1, 0);
-- 6000 rows into 7 parents: the parent the first call made is checked by a
-- statement (1 key), the 6 this call writes are known from its own writes,
-- and every later use of a key is known
SET client_min_messages = debug1;
SELECT aggregate, created FROM faker_populate('fkk_child', 6000, 1);
RESET client_min_messages;
SELECT count(*) FROM fkk_child c WHERE NOT EXISTS (SELECT 1 FROM fkk_parent p WHERE p.id = c.parent_id);
-- a row trigger of the call (third batch) that deletes a parent checked
-- before: its children cascade away (those of the batch are not checked,
-- as RI_FKey_check skips rows no longer live), the parent's key is checked
-- again, and the rows of later batches that still point at it fail as the
-- RI trigger would fail them
CREATE FUNCTION fkk_drop_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id = current_setting('fkk.first')::int + 4100 THEN
    DELETE FROM fkk_parent WHERE id = (SELECT parent_id FROM fkk_child WHERE id = current_setting('fkk.first')::int);
  END IF;
  RETURN NEW;
END$$;
CREATE TRIGGER fkk_child_drop AFTER INSERT ON fkk_child FOR EACH ROW EXECUTE FUNCTION fkk_drop_parent();
\set VERBOSITY terse
SELECT set_config('fkk.first', (last_value + 1)::text, false) IS NOT NULL FROM fkk_child_id_seq;
SELECT aggregate, created FROM faker_populate('fkk_child', 10000, 2);
-- the same through the INSERT statement writer
SET faker.multi_insert = off;
SELECT set_config('fkk.first', (last_value + 1)::text, false) IS NOT NULL FROM fkk_child_id_seq;
SELECT aggregate, created FROM faker_populate('fkk_child', 10000, 2);
RESET faker.multi_insert;
\set VERBOSITY default
SELECT count(*) AS children, count(DISTINCT parent_id) AS parents,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM fkk_parent p WHERE p.id = c.parent_id)) AS orphans
FROM fkk_child c;
DROP TRIGGER fkk_child_drop ON fkk_child;
DROP FUNCTION fkk_drop_parent();
-- a SELECT whose data-modifying WITH deletes a parent (from a row trigger
-- of the call) empties the set too: the next rows fail, no orphan commits
CREATE TABLE fkk_p2 (id int PRIMARY KEY);
INSERT INTO fkk_p2 SELECT generate_series(1, 3);
CREATE TABLE fkk_c2 (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES fkk_p2 ON DELETE CASCADE);
CREATE FUNCTION fkk_cte_drop() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  IF NEW.id = 3000 THEN
    WITH d AS (DELETE FROM fkk_p2 WHERE id = 1 RETURNING id) SELECT count(*) INTO n FROM d;
  END IF;
  RETURN NULL;
END$$;
CREATE TRIGGER fkk_c2_drop AFTER INSERT ON fkk_c2 FOR EACH ROW EXECUTE FUNCTION fkk_cte_drop();
SELECT faker_define('fkk_c2', 'fkk_c2', '{"references": {"parent_id": {"mean": 1000000}}}');
\set VERBOSITY terse
SELECT aggregate, created FROM faker_populate('fkk_c2', 6000, 1);
\set VERBOSITY default
SELECT count(*) AS orphans FROM fkk_c2 c WHERE NOT EXISTS (SELECT 1 FROM fkk_p2 p WHERE p.id = c.parent_id);
DROP TRIGGER fkk_c2_drop ON fkk_c2;
-- a paused call (a cursor over faker_pipe) that checks keys while a DELETE
-- runs, before the DELETE removes their row: the set is emptied again when
-- the DELETE has finished, so the later rows fail
CREATE FUNCTION fkk_move(n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE c refcursor := 'fkk_c';
BEGIN MOVE FORWARD n IN c; RETURN n; END$$;
BEGIN;
DECLARE fkk_c CURSOR FOR SELECT faker_pipe('[{"name": "c", "aggregate": "fkk_c2", "mean": 1}]', 30000, 2);
MOVE FORWARD 5000 IN fkk_c;
DELETE FROM fkk_p2 WHERE id = 2 AND fkk_move(5000) > 0;
\set VERBOSITY terse
MOVE FORWARD 10000 IN fkk_c;
\set VERBOSITY default
COMMIT;
SELECT count(*) AS orphans FROM fkk_c2 c WHERE NOT EXISTS (SELECT 1 FROM fkk_p2 p WHERE p.id = c.parent_id);
DROP TABLE fkk_c2, fkk_p2;
DROP FUNCTION fkk_cte_drop(), fkk_move(int);
-- the check matches every key, not counts: a case-insensitive parent key
-- takes 'K1' and 'k1' in one batch, and a parent whose unique index is in
-- another collation ('K1' and 'k1' both rows) does not hide a missing key
CREATE COLLATION fkk_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE fkk_cp (code text COLLATE fkk_ci NOT NULL);
CREATE UNIQUE INDEX fkk_cp_code ON fkk_cp (code COLLATE "C");
INSERT INTO fkk_cp VALUES ('K1'), ('k1');
CREATE TABLE fkk_cc (id serial PRIMARY KEY, code text NOT NULL REFERENCES fkk_cp (code));
CREATE FUNCTION fkk_recode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.code := CASE WHEN NEW.id % 2 = 0 THEN 'K1' ELSE 'k1' END;
      IF current_setting('fkk.missing', true) = 'on' THEN NEW.code := CASE WHEN NEW.id % 2 = 0 THEN 'missing' ELSE 'k1' END; END IF;
      RETURN NEW; END$$;
CREATE TRIGGER fkk_cc_recode BEFORE INSERT ON fkk_cc FOR EACH ROW EXECUTE FUNCTION fkk_recode();
SELECT faker_define('fkk_cc', 'fkk_cc', '{"references": {"code": {"mean": 1000000}}}');
SELECT aggregate, created FROM faker_populate('fkk_cc', 10, 1);
SET fkk.missing = on;
SELECT aggregate, created FROM faker_populate('fkk_cc', 10, 1);
RESET fkk.missing;
SELECT code COLLATE "C", count(*) FROM fkk_cc GROUP BY 1 ORDER BY 1;
DROP TABLE fkk_cc, fkk_cp;
DROP FUNCTION fkk_recode();
DROP COLLATION fkk_ci;
-- a partitioned parent: its partitions are watched, so a trigger that
-- deletes from a partition directly empties the set as well
CREATE TABLE fkk_pp (id int PRIMARY KEY) PARTITION BY HASH (id);
CREATE TABLE fkk_pp_0 PARTITION OF fkk_pp FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE fkk_pp_1 PARTITION OF fkk_pp FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE fkk_pc (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES fkk_pp ON DELETE CASCADE);
SELECT faker_define('fkk_pc', 'fkk_pc', '{"references": {"parent_id": {"mean": 1000}}}');
SELECT count(*) FROM faker_populate('fkk_pc', 1, 0);
SET client_min_messages = debug1;
SELECT aggregate, created FROM faker_populate('fkk_pc', 6000, 1);
RESET client_min_messages;
CREATE FUNCTION fkk_drop_pp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id = current_setting('fkk.first')::int + 4100 THEN
    DELETE FROM fkk_pp_0 WHERE id IN (SELECT parent_id FROM fkk_pc);
    DELETE FROM fkk_pp_1 WHERE id IN (SELECT parent_id FROM fkk_pc);
  END IF;
  RETURN NEW;
END$$;
CREATE TRIGGER fkk_pc_drop AFTER INSERT ON fkk_pc FOR EACH ROW EXECUTE FUNCTION fkk_drop_pp();
\set VERBOSITY terse
SELECT set_config('fkk.first', (last_value + 1)::text, false) IS NOT NULL FROM fkk_pc_id_seq;
SELECT aggregate, created FROM faker_populate('fkk_pc', 10000, 2);
\set VERBOSITY default
SELECT count(*) AS orphans FROM fkk_pc c WHERE NOT EXISTS (SELECT 1 FROM fkk_pp p WHERE p.id = c.parent_id);
DROP TABLE fkk_pc, fkk_pp;
DROP FUNCTION fkk_drop_pp();
-- text keys (their images hold the bytes) and two-column keys: no orphans,
-- and a BEFORE trigger that points rows at a missing text key still fails
CREATE TABLE fkk_code (code text PRIMARY KEY, grp int NOT NULL, UNIQUE (grp, code));
CREATE TABLE fkk_item (id serial PRIMARY KEY, code text NOT NULL REFERENCES fkk_code,
                       grp int NOT NULL, code2 text NOT NULL, FOREIGN KEY (grp, code2) REFERENCES fkk_code (grp, code));
SELECT faker_define('fkk_code', 'fkk_code', '{"columns": {"code": {"gen": "regex", "pattern": "[A-Z]{3}[0-9]{2}", "unique": true}}}');
SELECT faker_define('fkk_item', 'fkk_item', '{"references": {"code": {"mean": 100}, "fkk_item_grp_code2_fkey": {"mean": 100}}}');
SELECT count(*) FROM faker_populate('fkk_item', 1, 0);
SET client_min_messages = debug1;
SELECT aggregate, created FROM faker_populate('fkk_item', 5000, 3);
RESET client_min_messages;
SELECT count(*) FROM fkk_item i WHERE NOT EXISTS (SELECT 1 FROM fkk_code c WHERE c.code = i.code)
                                   OR NOT EXISTS (SELECT 1 FROM fkk_code c WHERE c.grp = i.grp AND c.code = i.code2);
CREATE FUNCTION fkk_bad_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.id % 1000 = 999 THEN NEW.code := 'missing'; END IF; RETURN NEW; END$$;
CREATE TRIGGER fkk_item_bad BEFORE INSERT ON fkk_item FOR EACH ROW EXECUTE FUNCTION fkk_bad_code();
SELECT aggregate, created FROM faker_populate('fkk_item', 3000, 4);
DROP TABLE fkk_item, fkk_code, fkk_child, fkk_parent;
DROP FUNCTION fkk_bad_code();
