-- model_usergen: {"gen": "sql", "function": ...} and {"from": "table.column"}
\set SHOW_CONTEXT never
CREATE SCHEMA ug;
CREATE FUNCTION ug.code(o jsonb) RETURNS text LANGUAGE sql AS $$ SELECT (o->>'prefix') || '-' || (o->>'n') $$;
CREATE FUNCTION ug.seven() RETURNS int LANGUAGE sql AS $$ SELECT 7 $$;
CREATE FUNCTION ug.srf() RETURNS SETOF int LANGUAGE sql AS $$ SELECT 7 $$;
CREATE FUNCTION ug.two(int, int) RETURNS int LANGUAGE sql AS $$ SELECT 7 $$;
CREATE FUNCTION ug.over(jsonb) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION ug.over() RETURNS int LANGUAGE sql AS $$ SELECT 2 $$;
CREATE TABLE ug.city (name text, pop int);
INSERT INTO ug.city VALUES ('Paris', 900), ('Lyon', 90), ('Nice', 10), (NULL, 5), ('Zero', 0);
CREATE TABLE ug.num (v text);
INSERT INTO ug.num VALUES ('1'), ('2'), ('x');
CREATE TABLE ug.u (id serial PRIMARY KEY, code text, n int, city varchar(10), town text NOT NULL, o int);
SELECT faker_define('ug_u', 'ug.u', '{"columns": {
  "code": {"gen": "sql", "function": "ug.code", "prefix": "AB", "n": 5},
  "n":    {"gen": "sql", "function": "ug.seven()", "null_weight": 0.5},
  "o":    {"gen": "sql", "function": "ug.over(jsonb)"},
  "city": {"from": {"relation": "ug.city", "column": "name", "weights": "pop"}},
  "town": {"from": "ug.city.name"}}}');
SELECT * FROM faker_populate('ug_u', 10000, 1);
SELECT count(*) FILTER (WHERE code = 'AB-5') AS code_ok, round(avg((n IS NULL)::int), 1) AS n_nulls,
       count(*) FILTER (WHERE n = 7) + count(*) FILTER (WHERE n IS NULL) AS n_ok,
       count(*) FILTER (WHERE o = 1) AS o_ok FROM ug.u;
-- weights: Paris 900/1000, Lyon 90/1000, Nice 10/1000; NULL values and weight 0 never drawn
SELECT city, round(count(*) / 10000.0, 2) AS share FROM ug.u GROUP BY 1 ORDER BY 2 DESC;
SELECT town, round(count(*) / 10000.0, 1) AS share FROM ug.u GROUP BY 1 ORDER BY 1;
-- errors
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "seven"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "ug.nosuch"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "ug.over"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "ug.srf"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "ug.two"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "ug.code"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": 5}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": "city"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": "ug.nope.name"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": "ug.city.nope"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": {"relation": "ug.city", "column": "name", "weights": "name"}}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": {"relation": "ug.city", "column": "name", "x": 1}}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": {"relation": "ug.city"}}}}');
CREATE VIEW ug.v AS SELECT * FROM ug.city;
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": "ug.v.name"}}}');
SELECT faker_define('ug_u', 'ug.u', '{"columns": {"n": {"from": "ug.num.v"}}}');
SELECT * FROM faker_populate('ug_u', 3, 1);
DELETE FROM ug.num;
SELECT * FROM faker_populate('ug_u', 3, 1);
-- the caller's rights: a role without EXECUTE or SELECT cannot use them
CREATE ROLE ug_tester;
GRANT USAGE ON SCHEMA ug TO ug_tester;
GRANT INSERT, SELECT ON ug.u TO ug_tester;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ug TO ug_tester;
REVOKE EXECUTE ON FUNCTION ug.seven() FROM PUBLIC;
SET ROLE ug_tester;
SELECT faker_define('ug_t1', 'ug.u', '{"columns": {"n": {"gen": "sql", "function": "ug.seven"}}}');
SELECT * FROM faker_populate('ug_t1', 3, 1);
SELECT faker_define('ug_t2', 'ug.u', '{"columns": {"city": {"from": "ug.city.name"}}}');
SELECT * FROM faker_populate('ug_t2', 3, 1);
RESET ROLE;
SELECT faker_undefine(a) FROM (VALUES ('ug_u'), ('ug_t1'), ('ug_t2')) v(a);
DROP SCHEMA ug CASCADE;
DROP ROLE ug_tester;
