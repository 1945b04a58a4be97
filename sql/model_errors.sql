-- model_errors: bad definitions and calls are errors naming the culprit;
-- a rejected faker_define leaves no definition behind
\set SHOW_CONTEXT never
CREATE TABLE p (id serial PRIMARY KEY, name text NOT NULL, note text);
CREATE TABLE c (id serial PRIMARY KEY, p_id int NOT NULL REFERENCES p, q_id int REFERENCES p,
                code varchar(4), CHECK (code <> 'x'));
SELECT faker_define('c', 'c', '{"colums": {}}');
SELECT faker_define('c', 'c', '[]');
SELECT faker_define('c', 'c', '{"columns": []}');
SELECT faker_define('c', 'c', '{"columns": {"nosuch": {"gen": "int"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "nosuch"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "words", "n": "three"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "words", "colour": 1}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "const": "a"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"values": []}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"const": {"a": 1}}}}');
SELECT faker_define('c', 'c', '{"columns": {"p_id": {"gen": "int"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "mean": 0.5}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "unique": true, "mean": 5}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "require": {"$nope": "x"}}}}');
SELECT faker_define('p', 'p', '{"columns": {"name": {"gen": "word", "null_weight": 0.5}}}');
SELECT faker_define('c', 'c', '{"references": {"nosuch_fkey": {"mean": 3}}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": {"mean": 0}}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": {"weights": [1, -1]}}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": {"null_weight": 0.2}}}');
SELECT faker_define('c', 'c', '{"references": {"p_id": {"skew": 2, "weights": [1]}}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": {"mena": 3}}}');
SELECT faker_define('p', 'p', '{"children": {"c": {"mean": 3}}}');
SELECT faker_define('p', 'p', '{"children": {"c": {"via": "nosuch", "mean": 3}}}');
SELECT faker_define('p', 'p', '{"children": {"nosuch": {"via": "x", "mean": 3}}}');
SELECT faker_define('p', 'p', '{"children": {"c": {"via": "c_p_id_fkey", "distribution": "zipf", "mean": 3}}}');
SELECT faker_define('', 'p');
SELECT faker_define('p', 'nosuchtable');
SELECT count(*) AS definitions_left FROM faker.aggregate WHERE name IN ('c', 'p');
-- unknown aggregates, bad counts
SELECT * FROM faker_populate('nosuch', 10);
SELECT * FROM faker_populate('p', -1);
SELECT * FROM faker_populate(NULL, 1);
SELECT * FROM faker_explain('nosuch');
SELECT faker_undefine('nosuch');
-- a type faker has no generator for needs a spec
CREATE TABLE odd (id serial PRIMARY KEY, spot txid_snapshot NOT NULL);
SELECT * FROM faker_populate('odd', 1);
-- the SQLSTATEs
\set VERBOSITY sqlstate
SELECT faker_define('c', 'c', '{"columns": {"nosuch": {"gen": "int"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "nosuch"}}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": {"mean": 0}}}');
SELECT faker_define('c', 'c', '{"references": {"nosuch_fkey": {"mean": 3}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "require": {"$nope": "x"}}}}');
SELECT * FROM faker_populate('nosuch', 10);
SELECT * FROM faker_populate('p', -1);
SELECT * FROM faker_populate('odd', 1);
