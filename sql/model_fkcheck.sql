-- Batch foreign-key checks (src/model/fkcheck.c): which mode a table gets,
-- the trigger's error for a missing key, other triggers still fire.
SET faker.progress = off;
CREATE TABLE fk_parent (id int PRIMARY KEY, grp int NOT NULL DEFAULT 0);
CREATE TABLE fk_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES fk_parent, note text);
CREATE TABLE fk_audit (n int);
CREATE FUNCTION fk_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO fk_audit VALUES (NEW.id); RETURN NEW; END$$;
CREATE TRIGGER fk_child_audit AFTER INSERT ON fk_child FOR EACH ROW EXECUTE FUNCTION fk_audit_row();
SELECT aggregate, distributor FROM faker_explain('fk_child') WHERE via IS NULL;
SELECT aggregate, created FROM faker_populate('fk_child', 4500, 1);
-- the user's AFTER ROW trigger fired for every row; no orphans
SELECT count(*) FROM fk_audit;
SELECT count(*) FROM fk_child c WHERE NOT EXISTS (SELECT 1 FROM fk_parent p WHERE p.id = c.parent_id);
-- a BEFORE trigger that points rows at a missing parent: the RI trigger's error
CREATE FUNCTION fk_break() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN IF NEW.id % 1000 = 7 THEN NEW.parent_id := -NEW.id; END IF; RETURN NEW; END$$;
CREATE TRIGGER fk_child_break BEFORE INSERT ON fk_child FOR EACH ROW EXECUTE FUNCTION fk_break();
SELECT aggregate, created FROM faker_populate('fk_child', 3000, 2);
SET faker.batch_fk_checks = off;
SELECT aggregate, distributor FROM faker_explain('fk_child') WHERE via IS NULL;
SELECT aggregate, created FROM faker_populate('fk_child', 3000, 2);
RESET faker.batch_fk_checks;
DROP TRIGGER fk_child_break ON fk_child;
-- nullable keys: MATCH SIMPLE skips rows with a NULL key
CREATE TABLE fk_opt (id serial PRIMARY KEY, parent_id int REFERENCES fk_parent);
SELECT faker_define('fk_opt', 'fk_opt', '{"references": {"parent_id": {"null_weight": 0.5}}}');
SELECT aggregate, created FROM faker_populate('fk_opt', 3000, 3);
SELECT count(*) FILTER (WHERE parent_id IS NULL) > 1000 AS some_nulls FROM fk_opt;
-- a self-reference: parents in the same batch are seen by the check
CREATE TABLE fk_tree (id serial PRIMARY KEY, up int REFERENCES fk_tree);
SELECT aggregate, distributor FROM faker_explain('fk_tree') WHERE via IS NULL;
SELECT aggregate, created FROM faker_populate('fk_tree', 3000, 4);
SELECT count(*) FROM fk_tree t WHERE t.up IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fk_tree p WHERE p.id = t.up);
-- deferrable and MATCH FULL foreign keys keep their triggers
CREATE TABLE fk_mixed (id serial PRIMARY KEY,
                       a int NOT NULL REFERENCES fk_parent DEFERRABLE INITIALLY DEFERRED,
                       b int NOT NULL REFERENCES fk_parent);
SELECT aggregate, distributor FROM faker_explain('fk_mixed') WHERE via IS NULL;
SELECT aggregate, created FROM faker_populate('fk_mixed', 2500, 5);
SELECT count(*) FROM fk_mixed m WHERE NOT EXISTS (SELECT 1 FROM fk_parent p WHERE p.id = m.a)
                                  OR NOT EXISTS (SELECT 1 FROM fk_parent p WHERE p.id = m.b);
-- a role that does not own the table: row triggers
CREATE ROLE fk_tester;
GRANT SELECT, INSERT ON fk_parent, fk_child TO fk_tester;
SET ROLE fk_tester;
SELECT aggregate, distributor FROM faker_explain('fk_child') WHERE via IS NULL;
RESET ROLE;
-- rows of the batch its own AFTER ROW trigger removed (the parent deleted,
-- its children cascading away) are not checked, as RI_FKey_check skips rows
-- no longer live: the call succeeds, as it does with the row triggers
CREATE TABLE fk_gone_parent (id int PRIMARY KEY);
INSERT INTO fk_gone_parent SELECT generate_series(1, 3);
CREATE TABLE fk_gone (id serial PRIMARY KEY, pid int NOT NULL REFERENCES fk_gone_parent ON DELETE CASCADE);
CREATE FUNCTION fk_gone_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.id = current_setting('fk.first')::int + 4 THEN DELETE FROM fk_gone_parent WHERE id = 1; END IF; RETURN NULL; END$$;
CREATE TRIGGER fk_gone_del AFTER INSERT ON fk_gone FOR EACH ROW EXECUTE FUNCTION fk_gone_del();
SELECT faker_define('fk_gone', 'fk_gone', '{"references": {"pid": {"mean": 1000000}}}');
SELECT set_config('fk.first', '1', false) IS NOT NULL;
SELECT aggregate, created FROM faker_populate('fk_gone', 100, 1);
SELECT pid, count(*) FROM fk_gone GROUP BY 1 ORDER BY 1;
TRUNCATE fk_gone; INSERT INTO fk_gone_parent VALUES (1);
SET faker.batch_fk_checks = off;
SELECT set_config('fk.first', (last_value + 1)::text, false) IS NOT NULL FROM fk_gone_id_seq;
SELECT aggregate, created FROM faker_populate('fk_gone', 100, 1);
SELECT pid, count(*) FROM fk_gone GROUP BY 1 ORDER BY 1;
RESET faker.batch_fk_checks;
DROP TABLE fk_gone, fk_gone_parent;
DROP FUNCTION fk_gone_del();
DROP TABLE fk_child, fk_opt, fk_tree, fk_mixed, fk_parent, fk_audit;
DROP FUNCTION fk_audit_row(), fk_break();
DROP ROLE fk_tester;
