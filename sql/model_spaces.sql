-- model_spaces: a column asking for more distinct values than its
-- generator makes: faker_define warns (a fill of a million rows would need
-- more), faker_populate refuses before writing when a unique or "mean": 1
-- column of the rows it is asked for cannot be filled (src/model/spaces.c)
\set SHOW_CONTEXT never
CREATE TABLE sp (id serial PRIMARY KEY, day text);
CREATE TABLE sp_u (id serial PRIMARY KEY, color text, code int, city text);
-- seven values, one per row asked
SELECT faker_define('sp', 'sp', '{"columns": {"day": {"values": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "mean": 1}}}');
-- 30 colours, "unique"; 101 integers reused 50 times each
SELECT faker_define('sp2', 'sp_u', '{"columns": {"color": {"gen": "color", "unique": true},
                                               "code": {"gen": "int", "min": 0, "max": 100, "mean": 50}}}');
-- no warning: cities (over a million), a mean whose fill is over a million
-- rows, no ask at all
SELECT faker_define('sp3', 'sp_u', '{"columns": {"city": {"gen": "city", "unique": true},
                                               "code": {"gen": "int", "min": 1, "max": 1000, "mean": 1000},
                                               "color": {"gen": "color"}}}');
-- within the space: made
SELECT created FROM faker_populate('sp', 7, 1);
SELECT created FROM faker_populate('sp2', 20, 1);
SELECT count(DISTINCT color) AS colors FROM sp_u;
-- beyond it: an error before any row is written (the 20 colours in the
-- table count for "unique")
SELECT created FROM faker_populate('sp', 8, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT created FROM faker_populate('sp2', 11, 1);
SELECT (SELECT count(*) FROM sp) AS sp_rows, (SELECT count(*) FROM sp_u) AS sp_u_rows;
-- exactly what is left: made, every colour once
SELECT created FROM faker_populate('sp2', 10, 1);
SELECT count(DISTINCT color) AS colors, count(color) AS with_color FROM sp_u;
-- faker_rows checks the same way
SELECT count(*) FROM faker_rows(NULL::sp_u, 1, 2);
-- null_weight lowers what is asked: 14 rows, about half NULL
SELECT faker_define('sp', 'sp', '{"columns": {"day": {"values": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "mean": 1, "null_weight": 0.5}}}');
SELECT created FROM faker_populate('sp', 14, 1);
-- a parent reached through a reference makes what the plan expects: a warning
CREATE TABLE sp_parent (id serial PRIMARY KEY, label text UNIQUE);
CREATE TABLE sp_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES sp_parent);
SELECT faker_define('sp_parent', 'sp_parent', '{"columns": {"label": {"gen": "color"}}}');
SELECT faker_define('sp_child', 'sp_child', '{"references": {"parent_id": {"mean": 1}}}');
BEGIN;
SELECT created FROM faker_populate('sp_child', 40, 1);
ROLLBACK;
-- the same parent asked for directly: an error, 23505 (what running out of
-- unique values raises while filling)
SELECT created FROM faker_populate('sp_parent', 31, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS parents FROM sp_parent;
SELECT faker_undefine('sp'), faker_undefine('sp2'), faker_undefine('sp3'),
       faker_undefine('sp_child'), faker_undefine('sp_parent');
DROP TABLE sp, sp_u, sp_child, sp_parent;
