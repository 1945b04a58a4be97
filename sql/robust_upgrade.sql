-- robust_upgrade: install 1.0, update to the default version, still works
SELECT faker_reset();
DROP EXTENSION faker;
CREATE EXTENSION faker VERSION '1.0';
SELECT extversion FROM pg_extension WHERE extname = 'faker';
ALTER EXTENSION faker UPDATE;
SELECT extversion = default_version AS updated_to_default
  FROM pg_extension, pg_available_extensions WHERE extname = 'faker' AND name = 'faker';
SET faker.seed = 5;
SELECT faker_int(3, 3) AS three, count(*) AS draws FROM faker_draw('{"mean": 2}', 10);
-- 1.2 brought the criteria functions
SELECT faker_query_parse('{"a": {"$gt": 1}}');
-- 1.3 brought faker_regex
SELECT faker_regex('^v[0-9]$') ~ '^v[0-9]$' AS regex_ok;
-- 1.3: faker_fit has a third argument (within) with a default; one function
SELECT pg_get_function_identity_arguments(p.oid) FROM pg_proc p WHERE proname = 'faker_fit';
CREATE TABLE up_t (k int);
INSERT INTO up_t VALUES (1), (1), (2);
SELECT faker_fit('up_t', '{k}')->>'mean' AS mean, faker_fit('up_t', '{k}', NULL)->>'groups' AS groups;
DROP TABLE up_t;
