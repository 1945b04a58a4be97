-- profile_errors: bad options, unknown tables, malformed profiles are
-- errors naming the culprit, with their SQLSTATE
\set VERBOSITY sqlstate
\set SHOW_CONTEXT never
CREATE TABLE pe (id serial PRIMARY KEY, v text);
CREATE VIEW pe_view AS SELECT * FROM pe;
SELECT faker_profile('{pe}', '[]');
SELECT faker_profile('{pe}', '{"colour": 1}');
SELECT faker_profile('{pe}', '{"values": "no"}');
SELECT faker_profile('{pe}', '{"sample": 2}');
SELECT faker_profile('{pe}', '{"tables": "pe"}');
SELECT faker_profile('{pe}', '{"tables": ["nope"]}');
SELECT faker_profile('{pe_view}');
SELECT faker_profile('{no_such_table}');
\set VERBOSITY default
SELECT faker_profile('{pe}', '{"colour": 1}');
SELECT faker_profile('{pe}', '{"tables": ["nope"]}');
SELECT faker_populate_profile('{"tables": {"x.y": {"schema": "x", "name": "y", "rows": 1}}}');
SELECT faker_populate_profile('{"tables": {"public.pe": {"schema": "public", "name": "pe", "rows": -1}}}');
SELECT faker_populate_profile('{"tables": {"public.pe": {"schema": "public", "name": "pe", "rows": 1, "spec": []}}}');
SELECT faker_populate_profile('{"tables": {"public.pe": {"name": "pe", "rows": 1}}}');
SELECT faker_populate_profile('{"tables": []}');
SELECT faker_populate_profile('{"tables": {}, "schemas": {"a": 1}}');
SELECT faker_populate_profile(faker_profile('{pe}'), 0);
-- a bad spec inside a profile is faker_define's error, naming the path
SELECT faker_populate_profile('{"tables": {"public.pe": {"schema": "public", "name": "pe", "rows": 1,
  "spec": {"columns": {"v": {"gen": "nope"}}}}}}');
SELECT faker_compare('{}', '{"tables": {}}');
SELECT faker_compare('{"tables": {}, "scale": -1}', '{"tables": {}}');
-- a failed call leaves nothing behind
SELECT count(*) AS rows FROM pe;
SELECT count(*) AS definitions FROM faker.aggregate WHERE relation = 'pe'::regclass;
