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
SELECT faker_define('p', 'p', '{"children": {"c": {"via": "", "mean": 3}}}');
-- the spec's options are read as generators' and distributors' are: typed,
-- integers checked as such, each error naming its JSON path
SELECT faker_define('c', 'c', '{"columns": {"code": null}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": 1}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "unique": "yes"}}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": null}}');
SELECT faker_define('c', 'c', '{"references": {"c_p_id_fkey": {"mean": 2}, "p_id": {"mean": 3}}}');
SELECT faker_define('p', 'p', '{"children": {"c": {"via": 1, "mean": 3}}}');
-- a sequence's start is a value a counter can give (a bigint, not -2^63
-- and not 2^63-1, which marks a spent counter), its step a bigint (not 0,
-- nor -2^63, which has no negation), its format a string holding %s, its
-- scope a name
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": 1.5}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": 1.0000000000000001}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": "1"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": 9223372036854775808}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": 1e400}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": -9223372036854775808}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "start": 9223372036854775807}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "step": 0}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "step": 2.5}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "step": -9223372036854775808}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "step": "2"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "format": 1}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "format": "no placeholder"}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "sequence", "scope": 1}}}');
SELECT faker_define('c', 'c', '{"columns": {"code": {"gen": "word", "step": 1}}}');
SELECT faker_define('', 'p');
SELECT faker_define('p', 'nosuchtable');
SELECT count(*) AS definitions_left FROM faker.aggregate WHERE name IN ('c', 'p');
-- the bounds are accepted, an integer may be written 3.0, and a JSON null
-- is the default (unique: false, the format: none), as for any option
CREATE TABLE opt_seq (id serial PRIMARY KEY, a bigint, b bigint, t text);
SELECT faker_define('opt_seq', 'opt_seq', '{"columns": {
  "a": {"gen": "sequence", "start": 9223372036854775806, "step": -9223372036854775807},
  "b": {"gen": "sequence", "start": 3.0, "step": -2.0, "unique": null},
  "t": {"gen": "sequence", "format": null, "start": 7}}}');
SELECT * FROM faker_populate('opt_seq', 2, 1);
SELECT a, b, t FROM opt_seq ORDER BY id;
SELECT faker_undefine('opt_seq');
DELETE FROM faker.sequence WHERE scope LIKE 'opt_seq.%';
DROP TABLE opt_seq;
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
