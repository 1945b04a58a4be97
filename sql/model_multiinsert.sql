-- The multi-insert writer (src/model/multiinsert.c): which tables get it
-- (faker_explain's "writer"), the same rows as the INSERT writer, and what
-- an INSERT would do still done (triggers, rules, RLS, partitions,
-- generated columns, CHECK and unique violations).
SET faker.progress = off;
\set SHOW_CONTEXT never
CREATE TABLE mi_parent (id serial PRIMARY KEY, name varchar(12) NOT NULL, note text DEFAULT 'n/a');
CREATE TABLE mi_child (id serial PRIMARY KEY, parent_id int REFERENCES mi_parent,
                       price numeric(6,2) NOT NULL CHECK (price >= 0), tags int[], code varchar(3),
                       made date DEFAULT '2020-01-01', flag boolean, ord bigserial,
                       total numeric GENERATED ALWAYS AS (price * 2) STORED);
SELECT faker_define('mi_child', 'mi_child', '{
  "columns": {"price": {"gen": "float", "min": 0, "max": 9999}, "code": {"gen": "word"}},
  "references": {"mi_child_parent_id_fkey": {"mean": 10, "null_weight": 0.1}}}');
SELECT aggregate, distributor FROM faker_explain('mi_child') WHERE via IS NULL ORDER BY step;
SELECT * FROM faker_populate('mi_child', 5000, 7);
CREATE TABLE mi_parent_on AS SELECT * FROM mi_parent;
CREATE TABLE mi_child_on AS SELECT * FROM mi_child;
-- the same seed with the INSERT writer: the same rows, column for column
TRUNCATE mi_child, mi_parent RESTART IDENTITY;
SELECT faker_reset();
SET faker.multi_insert = off;
SELECT aggregate, distributor FROM faker_explain('mi_child') WHERE via IS NULL ORDER BY step;
SELECT * FROM faker_populate('mi_child', 5000, 7);
RESET faker.multi_insert;
SELECT (SELECT count(*) FROM mi_child) AS children, (SELECT count(*) FROM mi_parent) AS parents,
       (SELECT count(*) FROM (SELECT * FROM mi_child EXCEPT ALL SELECT * FROM mi_child_on) d) AS child_off_only,
       (SELECT count(*) FROM (SELECT * FROM mi_child_on EXCEPT ALL SELECT * FROM mi_child) d) AS child_on_only,
       (SELECT count(*) FROM (SELECT * FROM mi_parent EXCEPT ALL SELECT * FROM mi_parent_on) d) AS parent_off_only,
       (SELECT count(*) FROM (SELECT * FROM mi_parent_on EXCEPT ALL SELECT * FROM mi_parent) d) AS parent_on_only;
-- what the rows of the multi-insert writer hold: typmods applied (numeric(6,2),
-- varchar(3)), defaults, the generated column, NULL references, no orphans
SELECT count(*) FILTER (WHERE price <> round(price, 2)) AS unrounded,
       count(*) FILTER (WHERE length(code) > 3) AS too_long,
       count(*) FILTER (WHERE made <> '2020-01-01') AS not_default,
       count(*) FILTER (WHERE total IS DISTINCT FROM price * 2) AS wrong_generated,
       count(*) FILTER (WHERE parent_id IS NULL) BETWEEN 300 AND 700 AS some_null_refs,
       count(*) FILTER (WHERE parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mi_parent p WHERE p.id = parent_id)) AS orphans
FROM mi_child_on;
SELECT count(*) FILTER (WHERE note IS DISTINCT FROM 'n/a') AS not_default,
       count(*) FILTER (WHERE length(name) > 12) AS too_long
FROM mi_parent_on;
-- the sequences went on from where the writer left them (ord: a DEFAULT
-- faker leaves to the table, evaluated once per row)
SELECT (SELECT max(id) FROM mi_child_on) = 5000 AS ids_dense, nextval('mi_child_id_seq') AS next_child_id,
       (SELECT count(DISTINCT ord) = 5000 AND max(ord) = 5000 FROM mi_child_on) AS ord_dense,
       nextval('mi_child_ord_seq') AS next_ord;

-- a BEFORE ROW trigger: the INSERT writer, and the trigger's changes are in the rows
CREATE TABLE mi_before (id serial PRIMARY KEY, n int NOT NULL, doubled int);
CREATE FUNCTION mi_double() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.doubled := NEW.n * 2; RETURN NEW; END$$;
CREATE TRIGGER mi_before_double BEFORE INSERT ON mi_before FOR EACH ROW EXECUTE FUNCTION mi_double();
SELECT aggregate, distributor FROM faker_explain('mi_before') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_before', 2500, 1);
SELECT count(*), count(*) FILTER (WHERE doubled IS DISTINCT FROM n * 2) AS not_doubled FROM mi_before;
-- an AFTER ROW trigger alone keeps the multi-insert writer, and fires per row
CREATE TABLE mi_after (id serial PRIMARY KEY, n int NOT NULL);
CREATE TABLE mi_after_log (id int, n int);
CREATE FUNCTION mi_log() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO mi_after_log VALUES (NEW.id, NEW.n); RETURN NULL; END$$;
CREATE TRIGGER mi_after_log AFTER INSERT ON mi_after FOR EACH ROW EXECUTE FUNCTION mi_log();
SELECT aggregate, distributor FROM faker_explain('mi_after') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_after', 2500, 1);
SELECT (SELECT count(*) FROM mi_after) AS rows_written,
       (SELECT count(*) FROM mi_after a JOIN mi_after_log l USING (id, n)) AS rows_logged;
-- a statement-level trigger: the INSERT writer (it fires once per batch)
CREATE TABLE mi_stmt_log (n int);
CREATE FUNCTION mi_stmt() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO mi_stmt_log VALUES (1); RETURN NULL; END$$;
CREATE TRIGGER mi_after_stmt AFTER INSERT ON mi_after FOR EACH STATEMENT EXECUTE FUNCTION mi_stmt();
SELECT aggregate, distributor FROM faker_explain('mi_after') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_after', 2500, 2);
SELECT count(*) AS statements FROM mi_stmt_log;
DROP TRIGGER mi_after_stmt ON mi_after;

-- a rule: the INSERT writer, and the rule's action ran for every row
CREATE TABLE mi_ruled (id serial PRIMARY KEY, n int NOT NULL);
CREATE TABLE mi_rule_log (n int);
CREATE RULE mi_ruled_log AS ON INSERT TO mi_ruled DO ALSO INSERT INTO mi_rule_log VALUES (NEW.n);
SELECT aggregate, distributor FROM faker_explain('mi_ruled') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_ruled', 2500, 1);
SELECT (SELECT count(*) FROM mi_ruled) AS rows_written, (SELECT count(*) FROM mi_rule_log) AS rows_logged,
       (SELECT sum(n) FROM mi_ruled) = (SELECT sum(n) FROM mi_rule_log) AS same_values;

-- row-level security: it does not apply to the owner (here a superuser):
-- the multi-insert writer; for a role it applies to, the INSERT writer,
-- and the policy's WITH CHECK refuses rows it does not pass
CREATE ROLE mi_tester;
CREATE TABLE mi_rls (id serial PRIMARY KEY, ok boolean NOT NULL);
ALTER TABLE mi_rls ENABLE ROW LEVEL SECURITY;
CREATE POLICY mi_rls_ok ON mi_rls USING (true) WITH CHECK (ok);
GRANT SELECT, INSERT ON mi_rls TO mi_tester;
GRANT USAGE ON SEQUENCE mi_rls_id_seq TO mi_tester;
SELECT aggregate, distributor FROM faker_explain('mi_rls') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_rls', 100, 1);
SET ROLE mi_tester;
SELECT aggregate, distributor FROM faker_explain('mi_rls') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_rls', 100, 2);
RESET ROLE;
SELECT faker_define('mi_rls', 'mi_rls', '{"columns": {"ok": {"const": true}}}');
SET ROLE mi_tester;
SELECT * FROM faker_populate('mi_rls', 100, 3);
RESET ROLE;
-- the owner's 100 rows (some not ok), the role's 100 (all ok)
SELECT count(*), count(*) FILTER (WHERE ok) >= 100 AS at_least_the_roles_ok,
       count(*) FILTER (WHERE NOT ok) > 0 AS owner_wrote_some_not_ok FROM mi_rls;

-- a partitioned table: the multi-insert writer routes the rows as COPY
-- does; a partition alone keeps the INSERT (its partition constraint)
CREATE TABLE mi_part (id int NOT NULL, k int NOT NULL) PARTITION BY RANGE (k);
CREATE TABLE mi_part_lo PARTITION OF mi_part FOR VALUES FROM (0) TO (50);
CREATE TABLE mi_part_hi PARTITION OF mi_part FOR VALUES FROM (50) TO (100);
SELECT faker_define('mi_part', 'mi_part', '{"columns": {"k": {"gen": "int", "min": 0, "max": 99}}}');
SELECT aggregate, distributor FROM faker_explain('mi_part') WHERE via IS NULL;
SELECT aggregate, distributor FROM faker_explain('mi_part_lo') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_part', 3000, 1);
SELECT tableoid::regclass AS partition, count(*) > 1000 AS many,
       bool_and(CASE WHEN tableoid = 'mi_part_lo'::regclass THEN k < 50 ELSE k >= 50 END) AS routed
FROM mi_part GROUP BY 1 ORDER BY 1;
-- routed with foreign keys (checked in batches, the partitions' RI
-- triggers stripped), a partition of another layout (a dropped column, its
-- own DEFAULT the root's overrides), a generated column, an AFTER ROW
-- trigger on one partition: the same rows as the INSERT writer with the
-- row triggers, column for column
CREATE TABLE mi_pchild (tenant int NOT NULL, id serial, parent_id int NOT NULL REFERENCES mi_parent,
                        label text NOT NULL, twice int GENERATED ALWAYS AS (parent_id * 2) STORED,
                        PRIMARY KEY (tenant, id)) PARTITION BY HASH (tenant);
CREATE TABLE mi_pchild_0 PARTITION OF mi_pchild FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE mi_pchild_1 (junk int, tenant int NOT NULL, id int NOT NULL DEFAULT -1, parent_id int NOT NULL,
                          label text NOT NULL, twice int GENERATED ALWAYS AS (parent_id * 2) STORED);
ALTER TABLE mi_pchild_1 DROP COLUMN junk;
ALTER TABLE mi_pchild ATTACH PARTITION mi_pchild_1 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE mi_plog (id int);
CREATE FUNCTION mi_plog() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO mi_plog VALUES (NEW.id); RETURN NULL; END$$;
CREATE TRIGGER mi_plog AFTER INSERT ON mi_pchild_1 FOR EACH ROW EXECUTE FUNCTION mi_plog();
SELECT faker_define('mi_pchild', 'mi_pchild', '{"columns": {"tenant": {"gen": "int", "min": 1, "max": 40}, "label": {"gen": "word"}},
  "references": {"mi_pchild_parent_id_fkey": {"mean": 20}}}');
SELECT aggregate, distributor FROM faker_explain('mi_pchild') WHERE via IS NULL ORDER BY step;
TRUNCATE mi_parent RESTART IDENTITY CASCADE;
SELECT faker_reset();
SELECT * FROM faker_populate('mi_pchild', 5000, 3);
CREATE TABLE mi_pchild_on AS SELECT tableoid::regclass::text AS part, * FROM mi_pchild;
SELECT (SELECT count(*) FROM mi_plog) = (SELECT count(*) FROM mi_pchild_1) AS after_trigger_fired,
       (SELECT count(*) FROM mi_pchild_1 WHERE id = -1) AS partition_defaults,
       (SELECT count(*) FROM mi_pchild WHERE twice IS DISTINCT FROM parent_id * 2) AS wrong_generated,
       (SELECT count(*) FROM mi_pchild c WHERE NOT EXISTS (SELECT 1 FROM mi_parent p WHERE p.id = c.parent_id)) AS orphans;
TRUNCATE mi_pchild, mi_parent RESTART IDENTITY CASCADE;
TRUNCATE mi_plog;
SELECT faker_reset();
SET faker.multi_insert = off;
SET faker.batch_fk_checks = off;
SELECT aggregate, distributor FROM faker_explain('mi_pchild') WHERE via IS NULL ORDER BY step;
SELECT * FROM faker_populate('mi_pchild', 5000, 3);
RESET faker.multi_insert;
RESET faker.batch_fk_checks;
SELECT (SELECT count(*) FROM (SELECT tableoid::regclass::text, * FROM mi_pchild EXCEPT ALL SELECT * FROM mi_pchild_on) d) AS off_only,
       (SELECT count(*) FROM (SELECT * FROM mi_pchild_on EXCEPT ALL SELECT tableoid::regclass::text, * FROM mi_pchild) d) AS on_only,
       (SELECT count(DISTINCT part) FROM mi_pchild_on) AS partitions;
-- a BEFORE ROW trigger on one partition: the INSERT writer and row triggers
CREATE FUNCTION mi_pass() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER mi_pbefore BEFORE INSERT ON mi_pchild_0 FOR EACH ROW EXECUTE FUNCTION mi_pass();
SELECT aggregate, distributor FROM faker_explain('mi_pchild') WHERE via IS NULL;
DROP TABLE mi_pchild, mi_pchild_on, mi_plog;
DROP FUNCTION mi_plog(), mi_pass();

-- a foreign key each partition declares on its own into a partitioned
-- parent: the keys PostgreSQL derives on the partition for each of the
-- parent's partitions are not references of their own (no aggregate for
-- mi_pq_1, mi_pq_2); the rows are the same with either writer
CREATE TABLE mi_pq (id serial PRIMARY KEY, name text NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE mi_pq_1 PARTITION OF mi_pq FOR VALUES FROM (MINVALUE) TO (100);
CREATE TABLE mi_pq_2 PARTITION OF mi_pq FOR VALUES FROM (100) TO (MAXVALUE);
CREATE TABLE mi_pqc (id serial, k int NOT NULL, q_id int NOT NULL, PRIMARY KEY (k, id)) PARTITION BY LIST (k);
CREATE TABLE mi_pqc_1 PARTITION OF mi_pqc FOR VALUES IN (1);
CREATE TABLE mi_pqc_2 PARTITION OF mi_pqc FOR VALUES IN (2);
ALTER TABLE mi_pqc_1 ADD CONSTRAINT mi_pqc_1_q FOREIGN KEY (q_id) REFERENCES mi_pq;
ALTER TABLE mi_pqc_2 ADD CONSTRAINT mi_pqc_2_q FOREIGN KEY (q_id) REFERENCES mi_pq;
SELECT faker_define('mi_pqc', 'mi_pqc', '{"columns": {"k": {"gen": "int", "min": 1, "max": 2}}}');
SELECT step, aggregate, via, distributor->>'parent' AS parent FROM faker_explain('mi_pqc') ORDER BY step, via NULLS FIRST;
SELECT faker_reset();
SELECT * FROM faker_populate('mi_pqc', 3000, 5);
CREATE TABLE mi_pqc_on AS SELECT tableoid::regclass::text AS part, * FROM mi_pqc;
TRUNCATE mi_pqc, mi_pq RESTART IDENTITY;
SELECT faker_reset();
SET faker.multi_insert = off;
SET faker.batch_fk_checks = off;
SELECT * FROM faker_populate('mi_pqc', 3000, 5);
RESET faker.multi_insert;
RESET faker.batch_fk_checks;
SELECT (SELECT count(*) FROM (SELECT tableoid::regclass::text, * FROM mi_pqc EXCEPT ALL SELECT * FROM mi_pqc_on) d) AS off_only,
       (SELECT count(*) FROM (SELECT * FROM mi_pqc_on EXCEPT ALL SELECT tableoid::regclass::text, * FROM mi_pqc) d) AS on_only,
       (SELECT count(*) FROM mi_pqc c WHERE NOT EXISTS (SELECT 1 FROM mi_pq p WHERE p.id = c.q_id)) AS orphans;
DROP TABLE mi_pqc, mi_pqc_on, mi_pq;

-- a CHECK faker leaves to PostgreSQL (it reads a serial that is not the
-- key, which PostgreSQL fills): the constraint's error, nothing written,
-- the same with either writer
CREATE FUNCTION mi_ok(int) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT $1 % 97 <> 13';
CREATE TABLE mi_chk (id serial PRIMARY KEY, k serial, parent_id int NOT NULL REFERENCES mi_parent,
  n int NOT NULL CHECK (mi_ok(k + n)));
SELECT aggregate, distributor FROM faker_explain('mi_chk') WHERE via IS NULL ORDER BY step;
SELECT count(*) AS parents_before FROM mi_parent \gset
SELECT * FROM faker_populate('mi_chk', 3000, 1);
ALTER SEQUENCE mi_chk_id_seq RESTART;	-- sequences are not rolled back
ALTER SEQUENCE mi_chk_k_seq RESTART;
SET faker.multi_insert = off;
SELECT * FROM faker_populate('mi_chk', 3000, 1);
RESET faker.multi_insert;
SELECT (SELECT count(*) FROM mi_chk) AS written, (SELECT count(*) FROM mi_parent) - :parents_before AS parents_added;

-- a unique violation faker does not foresee (a sequence behind the rows,
-- on a column PostgreSQL fills: not the key, whose sequence faker checks):
-- the index's error, nothing written; a deferrable unique constraint is
-- rechecked at the end of the batch
CREATE TABLE mi_uniq (k serial PRIMARY KEY, id serial UNIQUE, n int NOT NULL);
INSERT INTO mi_uniq VALUES (100000, 1500, 0);
SELECT aggregate, distributor FROM faker_explain('mi_uniq') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_uniq', 3000, 1);
SELECT count(*) FROM mi_uniq;
CREATE TABLE mi_duniq (id serial, n int NOT NULL, UNIQUE (id) DEFERRABLE);
INSERT INTO mi_duniq VALUES (1500, 0);
SELECT aggregate, distributor FROM faker_explain('mi_duniq') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_duniq', 3000, 1);
SELECT count(*) FROM mi_duniq;

-- privileges: a role with INSERT on some columns only gets the INSERT's
-- error, with either writer
CREATE TABLE mi_priv (id int, a int, b int);
GRANT INSERT (id, a) ON mi_priv TO mi_tester;
GRANT SELECT ON mi_priv TO mi_tester;
SET ROLE mi_tester;
SELECT aggregate, distributor FROM faker_explain('mi_priv') WHERE via IS NULL;
SELECT * FROM faker_populate('mi_priv', 10, 1);
SET faker.multi_insert = off;
SELECT * FROM faker_populate('mi_priv', 10, 1);
RESET faker.multi_insert;
RESET ROLE;
GRANT INSERT ON mi_priv TO mi_tester;
SET ROLE mi_tester;
SELECT * FROM faker_populate('mi_priv', 10, 1);
RESET ROLE;
SELECT count(*) FROM mi_priv;
-- a role that does not own the table: the RI triggers stay, queued per row
CREATE TABLE mi_own_p (id serial PRIMARY KEY);
CREATE TABLE mi_own_c (id serial PRIMARY KEY, p int NOT NULL REFERENCES mi_own_p);
GRANT SELECT, INSERT ON mi_own_p, mi_own_c TO mi_tester;
GRANT USAGE ON SEQUENCE mi_own_p_id_seq, mi_own_c_id_seq TO mi_tester;
SET ROLE mi_tester;
SELECT aggregate, distributor FROM faker_explain('mi_own_c') WHERE via IS NULL ORDER BY step;
SELECT * FROM faker_populate('mi_own_c', 3000, 1);
RESET ROLE;
SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM mi_own_p p WHERE p.id = c.p)) AS orphans
FROM mi_own_c c;

DROP TABLE mi_child, mi_parent, mi_child_on, mi_parent_on, mi_before, mi_after, mi_after_log, mi_stmt_log,
           mi_ruled, mi_rule_log, mi_rls, mi_part, mi_chk, mi_uniq, mi_duniq, mi_priv, mi_own_c, mi_own_p;
DROP FUNCTION mi_double(), mi_log(), mi_stmt(), mi_ok(int);
DROP ROLE mi_tester;
