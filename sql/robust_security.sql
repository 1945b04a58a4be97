-- robust_security: nothing another role creates runs in a caller's call,
-- pools are caches of their tables, bad inputs are clear errors.
CREATE ROLE regress_tester;
CREATE TABLE sec_tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE sec_author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES sec_tenant, name varchar(40) NOT NULL);
GRANT SELECT, INSERT ON sec_tenant, sec_author TO regress_tester;
GRANT USAGE ON SEQUENCE sec_tenant_id_seq, sec_author_id_seq TO regress_tester;
SELECT created > 0 AS made FROM faker_populate('sec_author', 200, 1) WHERE aggregate = 'sec_tenant';

-- 1, 2: pools belong to the extension's owner; other roles cannot create,
-- alter, read or write anything in schema faker
SELECT bool_and(c.relname LIKE 'pool\_%') AS pool, bool_and(pg_get_userbyid(c.relowner) = current_user) AS owned_by_owner,
       bool_and(d.deptype = 'e') AS extension_member
FROM faker.pool p JOIN pg_class c ON c.relname = p.table_name AND c.relnamespace = 'faker'::regnamespace
LEFT JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass;
SELECT format('CREATE FUNCTION regress_pwn() RETURNS trigger LANGUAGE plpgsql AS $f$BEGIN RAISE NOTICE ''pwned''; RETURN NEW; END$f$') \gexec
GRANT EXECUTE ON FUNCTION regress_pwn() TO regress_tester;
SELECT 'faker.' || quote_ident(table_name) AS pool_table FROM faker.pool WHERE aggregate = 'sec_tenant' \gset
SET ROLE regress_tester;
\set VERBOSITY sqlstate
CREATE TABLE faker.pool_0 (pos bigint);
CREATE TRIGGER pwn BEFORE INSERT ON :pool_table FOR EACH ROW EXECUTE FUNCTION regress_pwn();
SELECT count(*) FROM :pool_table;
INSERT INTO :pool_table VALUES (1000000, 1);
SELECT count(*) FROM faker.pool;
DELETE FROM faker.lock;
UPDATE faker.sequence SET next = 0;
\set VERBOSITY default
SELECT aggregate, size > 0 AS filled FROM faker_pools WHERE aggregate LIKE 'sec\_%' ORDER BY 1;
-- the tester's own call works with no grant on faker's objects
SELECT aggregate, created FROM faker_populate('sec_author', 10, 2) ORDER BY 1;
RESET ROLE;

-- a pool is used only by a caller who may SELECT the table's key columns
CREATE TABLE sec_secret (email text PRIMARY KEY);
CREATE TABLE sec_mail (id serial PRIMARY KEY, email text REFERENCES sec_secret);
INSERT INTO sec_secret SELECT 'person' || g || '@example.com' FROM generate_series(1, 50) g;
GRANT INSERT ON sec_secret, sec_mail TO regress_tester;
GRANT USAGE ON SEQUENCE sec_mail_id_seq TO regress_tester;
SET ROLE regress_tester;
\set VERBOSITY sqlstate
SELECT * FROM faker_populate('sec_mail', 10);
\set VERBOSITY default
SELECT * FROM faker_populate('sec_mail', 10);
RESET ROLE;

-- 3: functions and operators earlier on the search_path are never chosen
CREATE SCHEMA regress_evil;
GRANT CREATE, USAGE ON SCHEMA regress_evil TO regress_tester;
CREATE TABLE regress_evil_log (what text);
GRANT INSERT ON regress_evil_log TO regress_tester;
SET ROLE regress_tester;
CREATE FUNCTION regress_evil.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE sql
  AS $$ INSERT INTO public.regress_evil_log VALUES ('unnest(anyarray)'); SELECT x FROM pg_catalog.unnest($1) x $$;
CREATE FUNCTION regress_evil.unnest(smallint[]) RETURNS SETOF smallint LANGUAGE sql
  AS $$ INSERT INTO public.regress_evil_log VALUES ('unnest(smallint[])'); SELECT x FROM pg_catalog.unnest($1) x $$;
CREATE FUNCTION regress_evil.unnest(integer[]) RETURNS SETOF integer LANGUAGE sql
  AS $$ INSERT INTO public.regress_evil_log VALUES ('unnest(integer[])'); SELECT x FROM pg_catalog.unnest($1) x $$;
CREATE FUNCTION regress_evil.vceq(varchar, varchar) RETURNS boolean LANGUAGE sql
  AS $$ INSERT INTO public.regress_evil_log VALUES ('=(varchar,varchar)') RETURNING true $$;
CREATE OPERATOR regress_evil.= (LEFTARG = varchar, RIGHTARG = varchar, FUNCTION = regress_evil.vceq);
CREATE FUNCTION regress_evil.i4eq(integer, integer) RETURNS boolean LANGUAGE sql
  AS $$ INSERT INTO public.regress_evil_log VALUES ('=(int,int)') RETURNING true $$;
CREATE OPERATOR regress_evil.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = regress_evil.i4eq);
CREATE OPERATOR regress_evil.> (LEFTARG = integer, RIGHTARG = integer, FUNCTION = regress_evil.i4eq);
RESET ROLE;
CREATE TABLE sec_shop (code varchar(12) PRIMARY KEY, region smallint NOT NULL, rank int NOT NULL);
CREATE TABLE sec_sale (id serial PRIMARY KEY, shop varchar(12) NOT NULL REFERENCES sec_shop, qty int NOT NULL);
SET search_path = regress_evil, public, pg_catalog;
SELECT faker_define('sec_sale', 'sec_sale', '{
  "columns": {"qty": {"gen": "int", "min": 1, "max": 9, "require": {"$in": [1, 2, 3]}}},
  "references": {"shop": {"mean": 5, "require": {"$rel": {"region": {"$in": [1, 2]}, "rank": {"$gt": 10}}}}}}');
SELECT faker_define('sec_shop', 'sec_shop', '{"columns": {"region": {"gen": "int", "min": 1, "max": 4}, "rank": {"gen": "int", "min": 1, "max": 100}}}');
SELECT aggregate, created > 0 AS made FROM faker_populate('sec_sale', 300, 3) ORDER BY 1;
SELECT count(*) AS rows FROM faker_rows(NULL::sec_sale, 20, 4);
SELECT count(*) AS iterations FROM faker_pipe('[{"name": "s", "aggregate": "sec_shop", "mean": 3, "require": {"region": 1}}]', 20, 5);
RESET search_path;
SELECT count(*) AS evil_calls FROM regress_evil_log;
SELECT count(*) AS violations FROM sec_sale s JOIN sec_shop p ON p.code = s.shop
WHERE NOT (p.region IN (1, 2) AND p.rank > 10 AND s.qty IN (1, 2, 3));

-- 4: a definition named like a table never captures references to it
CREATE TABLE sec_other (id serial PRIMARY KEY, name text);
GRANT INSERT ON sec_other TO regress_tester;
SET ROLE regress_tester;
SELECT faker_define('sec_tenant', 'sec_other', '{}');
RESET ROLE;
SELECT count(*) AS before_other FROM sec_other \gset
SELECT aggregate, relation FROM faker_populate('sec_author', 500, 6) ORDER BY 1;
SELECT count(*) - :before_other AS rows_in_other FROM sec_other;
-- another role's definition is not used by this call, nor replaced by that role
\set VERBOSITY sqlstate
SELECT * FROM faker_populate('sec_tenant', 5);
\set VERBOSITY default
SELECT * FROM faker_populate('sec_tenant', 5);
SELECT faker_define('sec_author', 'sec_author', '{}');
SET ROLE regress_tester;
SELECT faker_define('sec_author', 'sec_author', '{"references": {"tenant_id": {"mean": 1}}}');
SELECT faker_undefine('sec_author');
RESET ROLE;
SELECT faker_undefine('sec_tenant');

-- 5, 6: a pool that no longer matches its table is rebuilt, never trusted
ALTER TABLE sec_author DROP CONSTRAINT sec_author_tenant_id_fkey;
ALTER TABLE sec_tenant ALTER COLUMN id TYPE bigint;
ALTER TABLE sec_author ALTER COLUMN tenant_id TYPE bigint, ADD FOREIGN KEY (tenant_id) REFERENCES sec_tenant;
SELECT aggregate, created, reused FROM faker_populate('sec_author', 100, 7) ORDER BY 1;
SELECT p.size = (SELECT count(*) FROM sec_tenant) AS pool_matches FROM faker_pools p WHERE p.aggregate = 'sec_tenant';
TRUNCATE sec_tenant, sec_author;
SELECT aggregate, created, reused FROM faker_populate('sec_author', 100, 8) ORDER BY 1;
DELETE FROM sec_author;
DELETE FROM sec_tenant;
SELECT aggregate, created, reused FROM faker_populate('sec_author', 100, 9) ORDER BY 1;
SELECT p.size = (SELECT count(*) FROM sec_tenant) AS pool_matches FROM faker_pools p WHERE p.aggregate = 'sec_tenant';
SELECT faker_undefine('sec_author');
DROP TABLE sec_author;
DROP TABLE sec_tenant;
CREATE TABLE sec_tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE sec_author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES sec_tenant);
SELECT aggregate, created, reused FROM faker_populate('sec_author', 100, 10) ORDER BY 1;
SELECT count(*) AS orphans FROM sec_author a WHERE NOT EXISTS (SELECT 1 FROM sec_tenant t WHERE t.id = a.tenant_id);

-- 8: counters never wrap
CREATE TABLE sec_small (id smallint PRIMARY KEY, note text);
CREATE TABLE sec_small_child (id serial PRIMARY KEY, small_id smallint REFERENCES sec_small);
INSERT INTO sec_small VALUES (32760, 'near the end');
\set VERBOSITY terse
SELECT * FROM faker_populate('sec_small', 20, 11);
SELECT faker_define('sec_seq', 'sec_other', '{"columns": {"name": {"gen": "sequence", "start": 9223372036854775806}}}');
SELECT * FROM faker_populate('sec_seq', 5, 12);
SELECT * FROM faker_counts('{"min": 1, "max": 1e19}', 3, 1);
SELECT * FROM faker_draw('{"weights": [1e308, 1e308]}', 3);
\set VERBOSITY default
SELECT count(*) AS small_rows FROM sec_small;

-- 12: the order of faker_define calls does not matter
CREATE TABLE sec_order (tenant_id int REFERENCES sec_tenant, id int, PRIMARY KEY (tenant_id, id));
CREATE TABLE sec_line (tenant_id int, order_id int, line int, PRIMARY KEY (tenant_id, order_id, line),
                       FOREIGN KEY (tenant_id, order_id) REFERENCES sec_order);
SELECT faker_define('orders', 'sec_order', '{"children": {"sec_line": {"via": "sec_line_tenant_id_order_id_fkey", "mean": 3}}}');
SELECT faker_define('sec_line', 'sec_line', '{"columns": {"line": {"gen": "int", "min": 1, "max": 1000000, "unique": true}}}');
SELECT faker_define('orders', 'sec_order', '{"children": {"sec_line": {"via": "sec_line_tenant_id_order_id_fkey", "mean": 3}}}');
SELECT aggregate, created > 0 AS made FROM faker_populate('orders', 50, 13) ORDER BY 1;
-- a child aggregate that does not exist yet is an error naming it
SELECT faker_define('orders', 'sec_order', '{"children": {"lines": {"via": "sec_line_tenant_id_order_id_fkey", "mean": 3}}}');

-- 13: clear errors, never XX000
\set VERBOSITY sqlstate
SELECT faker_query_merge('{"a": {"$not": {"$eq": 1}}}', '{"a": {"$or": [{"$eq": 2}, {"$eq": 3}]}}', 'sec_small'::regclass);
\set VERBOSITY terse
SELECT faker_query_merge('{"id": {"$not": {"$eq": 1}}}', '{"id": {"$or": [{"$eq": 2}, {"$eq": 3}]}}', 'sec_small'::regclass);
CREATE TABLE sec_gone (id serial PRIMARY KEY);
SELECT faker_define('gone', 'sec_gone');
DROP TABLE sec_gone;
\set VERBOSITY sqlstate
SELECT * FROM faker_populate('gone', 1);
\set VERBOSITY terse
SELECT faker_undefine('gone');
CREATE TABLE sec_arr (k int[] PRIMARY KEY);
CREATE TABLE sec_arr_child (id serial PRIMARY KEY, k int[] REFERENCES sec_arr);
SELECT * FROM faker_populate('sec_arr_child', 5);
SELECT faker_define('deep', 'sec_author', jsonb_build_object('references', jsonb_build_object('tenant_id',
  jsonb_build_object('require', (SELECT repeat('{"$rel": ', 2500) || '{"id": 1}' || repeat('}', 2500))::jsonb))));
CREATE VIEW sec_view AS SELECT * FROM sec_tenant;
SELECT * FROM faker_populate('sec_view', 1);
CREATE DOMAIN sec_even AS int CHECK (VALUE < 0);
CREATE TABLE sec_dom (id serial PRIMARY KEY, n sec_even NOT NULL);
SELECT faker_define('sec_dom', 'sec_dom', '{"columns": {"n": {"const": 3}}}');
\set VERBOSITY default
SELECT * FROM faker_populate('sec_dom', 1, 15);
SET ROLE regress_tester;
SELECT count(*) >= 0 AS pools_visible FROM faker_pools;
RESET ROLE;

-- 11: a pipe that only reuses still honours statement_timeout
SET statement_timeout = '1s';
SELECT count(*) FROM faker_pipe('[{"name": "t", "aggregate": "sec_tenant", "mean": 100000000}]', 500000000, 14);
RESET statement_timeout;

DROP TABLE sec_line, sec_order, sec_dom, sec_arr_child, sec_arr, sec_small_child, sec_small, sec_sale, sec_shop,
  sec_mail, sec_secret, sec_author, sec_tenant, sec_other, regress_evil_log CASCADE;
DROP DOMAIN sec_even;
SELECT count(faker_undefine(name)) >= 0 AS undefined FROM faker.aggregate;
SELECT faker_reset();
DROP FUNCTION regress_pwn();
DROP SCHEMA regress_evil CASCADE;
DROP OWNED BY regress_tester;
DROP ROLE regress_tester;
