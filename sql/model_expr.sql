-- model_expr: {"expr": "<SQL expression>"} columns, evaluated per row from
-- other columns of the row (made first) and of parent rows ("fk.col")
\set SHOW_CONTEXT never
CREATE SCHEMA ex;
SET search_path = ex, public;
CREATE TABLE ex.person (id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL,
                        email text NOT NULL, born date NOT NULL);
CREATE TABLE ex.invoice (id serial PRIMARY KEY, person_id int NOT NULL REFERENCES ex.person,
                         issued date NOT NULL, due date NOT NULL, price numeric(10,2) NOT NULL,
                         quantity int NOT NULL, total numeric(12,2) NOT NULL, label text,
                         ref text, code text);
-- columns listed before what they read: the order comes from the dependencies
SELECT faker_define('ex_person', 'ex.person', '{"columns": {
  "email": {"expr": "lower(first_name) || ''.'' || lower(last_name) || ''@example.com''"},
  "first_name": {"gen": "first_name"}, "last_name": {"gen": "last_name"}}}');
SELECT faker_define('ex_invoice', 'ex.invoice', '{"columns": {
  "due":    {"expr": "issued + 30"},
  "issued": {"gen": "date", "min": "2024-01-01", "max": "2024-12-31"},
  "total":  {"expr": "price * quantity"},
  "price":  {"gen": "numeric", "min": 1, "max": 100},
  "label":  {"expr": "''born '' || person_id.born", "null_weight": 0.5},
  "ref":    {"expr": "''INV-'' || id", "unique": true},
  "code":   {"expr": "upper(substr(md5(total::text), 1, 6))", "mean": 4}
}, "references": {"person_id": {"mean": 5}}}');
SELECT * FROM faker_populate('ex_invoice', 2000, 42);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE due = issued + 30) AS due_ok,
       count(*) FILTER (WHERE total = price * quantity) AS total_ok,
       count(*) FILTER (WHERE label = 'born ' || p.born) AS label_ok,
       round(avg((label IS NULL)::int), 1) AS label_nulls,
       count(DISTINCT ref) AS refs,
       count(*) FILTER (WHERE ref = 'INV-' || i.id) AS ref_ok,
       round(count(*)::numeric / count(DISTINCT code), 0) AS code_mean
FROM ex.invoice i JOIN ex.person p ON p.id = i.person_id;
SELECT count(*) FILTER (WHERE email = lower(first_name) || '.' || lower(last_name) || '@example.com') = count(*)
       AS emails_ok FROM ex.person;
-- require applies to the result
SELECT faker_define('ex_invoice2', 'ex.invoice', '{"columns": {
  "quantity": {"gen": "int", "min": 1, "max": 3},
  "total": {"expr": "quantity * 10", "require": {"$lte": 30}}}}');
SELECT created FROM faker_populate('ex_invoice2', 10, 1) WHERE aggregate = 'ex_invoice2';
SELECT faker_define('ex_invoice2', 'ex.invoice', '{"columns": {
  "total": {"expr": "quantity * 10", "require": {"$gt": 100000}}}}');
SELECT * FROM faker_populate('ex_invoice2', 10, 1);
-- faker_rows evaluates the expression too
SELECT (r).due - (r).issued AS days FROM faker_rows(NULL::ex.invoice, 3, 7) r;
-- errors name the aggregate, the column and the expression
CREATE TABLE ex.t (a int, b int, c int, e date NOT NULL DEFAULT '2020-01-01');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "b +"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "b + zz"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "b + c"}, "b": {"expr": "a * 2"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "a + 1"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "(SELECT 1)"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "count(b)"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "generate_series(1, b)"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"e": {"expr": "b"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "1) FROM pg_class --"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "1), (2"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": ""}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "b", "gen": "int"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "x.y"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "t.*"}}}');
-- names resolve in pg_catalog only: a function on the search_path is not chosen
CREATE FUNCTION ex.twice(int) RETURNS int LANGUAGE sql AS 'SELECT $1 * 2';
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "twice(b)"}}}');
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "ex.twice(b)"}, "e": {"expr": "DATE ''2020-01-01'' + b % 10"}}}');
SELECT created FROM faker_populate('ex_t', 5, 1);
SELECT count(*) FILTER (WHERE a = 2 * b) AS twice_ok FROM ex.t;
-- errors while evaluating name the column
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"a": {"expr": "100 / (b - b)"}}}');
SELECT * FROM faker_populate('ex_t', 3, 1);
SELECT faker_define('ex_t', 'ex.t', '{"columns": {"e": {"expr": "NULL"}}}');
SELECT * FROM faker_populate('ex_t', 3, 1);
-- a DEFAULT the expression reads is evaluated by faker
CREATE TABLE ex.d (id serial PRIMARY KEY, slug text);
SELECT faker_define('ex_d', 'ex.d', '{"columns": {"slug": {"expr": "''item-'' || id"}}}');
SELECT created FROM faker_populate('ex_d', 3, 1);
SELECT id, slug FROM ex.d ORDER BY id;
RESET search_path;
DROP SCHEMA ex CASCADE;
SELECT faker_undefine(a) FROM (VALUES ('ex_person'), ('ex_invoice'), ('ex_invoice2'), ('ex_d')) v(a);
