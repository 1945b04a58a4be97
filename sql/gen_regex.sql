-- gen_regex: faker_regex / {"gen": "regex"}: 500 values per pattern, each must match
SET faker.seed = 11;
CREATE TEMP TABLE pat (id serial PRIMARY KEY, p text NOT NULL, icase boolean NOT NULL DEFAULT false,
                       varied boolean NOT NULL DEFAULT true);
INSERT INTO pat (p) VALUES
  ('^[a-z_]+$'),
  ('^\d{5}(-\d{4})?$'),
  ('^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
  ('^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$'),
  ('^[a-z0-9]+(?:-[a-z0-9]+)*$'),
  ('^(draft|published|archived)$'),
  ('^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  ('^\+?[1-9]\d{1,14}$'),
  ('^#[0-9a-fA-F]{6}$'),
  ('^[A-Z]{3}$'),
  ('^https?://[a-z0-9.-]+\.[a-z]{2,6}(/[a-z0-9_-]*)*$'),
  ('^(\d{1,3}\.){3}\d{1,3}$'),
  ('^[[:alpha:]][[:alnum:]_]{2,15}$'),
  ('^[^@\s]+@[^@\s]+$'),
  ('^\w+$'),
  ('^\s*\S+\s*$'),
  ('^[[:upper:]][[:lower:]]+( [[:upper:]][[:lower:]]+)?$'),
  ('^.{8,64}$'),
  ('^[A-Z0-9]{6,10}$'),
  ('^(?:[01]\d|2[0-3]):[0-5]\d$'),
  ('^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$'),
  ('^[a-z]{2}(_[A-Z]{2})?$'),
  ('^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$'),
  ('^SKU-\d{6}$'),
  ('^v\d+\.\d+\.\d+(-[a-z]+\.\d+)?$'),
  ('^[^[:space:]]{1,20}$'),
  ('^[\w.-]+$'),
  ('^a|b$'),
  ('[0-9]+'),
  ('^(a|b|c){2,4}x?$'),
  ('^\$\d+\.\d{2}$'),
  ('^[]\[^-]+$'),
  ('^\(\d{3}\) \d{3}-\d{4}$'),
  ('^[а-яё]+$'),
  ('(?i)^[a-f]+$'),
  ('^[[:digit:][:upper:]]{4}$'),
  ('^x*$'),
  ('^[^a-zA-Z0-9]+$'),
  ('^\d{3}-\d{2}-\d{4}$'),
  ('^[1-9][0-9]*(\.[0-9]{1,2})?$'),
  ('^\x41\u0042[\x43-\x45]\t?$'),
  ('^(?:a|)(?:b|)c?$'),
  ('^(ab){0,3}?$');
INSERT INTO pat (p, icase) VALUES ('^[a-z]+-[A-Z]{2}$', true), ('^(yes|no)$', true);
INSERT INTO pat (p, varied) VALUES ('^$', false), ('^abc$', false), ('^ok$|^ok$', false), ('***=a.b*', false);
CREATE TEMP TABLE val AS
SELECT id, faker_regex(p, icase) AS v FROM pat CROSS JOIN generate_series(1, 500);
-- bad: values that do not match (must be 0); varied_ok: more than one distinct value where the
-- pattern allows it
SELECT id, p, count(*) AS n,
       count(*) FILTER (WHERE NOT CASE WHEN icase THEN v ~* p ELSE v ~ p END) AS bad,
       (count(DISTINCT v) > 1) = varied AS varied_ok
FROM pat JOIN val USING (id) GROUP BY id, p, varied ORDER BY id;
-- unbounded quantifiers are capped at min+8 repetitions; alternatives are all reached
SELECT max(length(v)) AS max_len, min(length(v)) AS min_len FROM val JOIN pat USING (id) WHERE p = '^x*$';
SELECT v, count(*) > 100 AS common FROM val JOIN pat USING (id) WHERE p = '^(draft|published|archived)$'
GROUP BY v ORDER BY v;
-- icase draws both cases
SELECT bool_or(v ~ '[A-Z]') AND bool_or(v ~ '[a-z]') AS both_cases
FROM val JOIN pat USING (id) WHERE p = '^[a-z]+-[A-Z]{2}$';
-- the same seed gives the same strings
SET faker.seed = 3;
CREATE TEMP TABLE r1 AS SELECT i, faker_regex('^[a-z]{3,12}@x\.(com|org)$') AS v FROM generate_series(1, 50) i;
SET faker.seed = 3;
CREATE TEMP TABLE r2 AS SELECT i, faker_regex('^[a-z]{3,12}@x\.(com|org)$') AS v FROM generate_series(1, 50) i;
SELECT count(*) FILTER (WHERE r1.v IS DISTINCT FROM r2.v) AS differing,
       count(DISTINCT r1.v) > 40 AS varied
FROM r1 JOIN r2 USING (i);
SELECT faker_generate('regex', '{"pattern": "^[0-9]{4}$"}') ~ '^[0-9]{4}$' AS generate_ok;
-- in a spec: a CHECK constraint's pattern, within the column's varchar(n)
CREATE TABLE rx_item (
    id   serial PRIMARY KEY,
    code varchar(6) NOT NULL CHECK (code ~ '^[A-Z]+[0-9]*$'),
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(?:-[a-z0-9]+)*$'),
    tag  varchar(4) NOT NULL CHECK (tag ~* '^[a-z]{2,}$'));
SELECT faker_define('rx_item', 'rx_item', '{"columns": {
  "code": {"gen": "regex", "pattern": "^[A-Z]+[0-9]*$"},
  "slug": {"gen": "regex", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "unique": true},
  "tag":  {"gen": "regex", "pattern": "^[a-z]{2,}$", "icase": true}}}');
SELECT created FROM faker_populate('rx_item', 1000, 5);
SELECT max(length(code)) AS max_code, count(DISTINCT code) > 500 AS codes_varied,
       count(DISTINCT slug) AS slugs, max(length(tag)) AS max_tag, bool_or(tag ~ '[A-Z]') AS tag_upper
FROM rx_item;
-- errors: SQLSTATE 2201B for bad and unsupported patterns, 22001 when the shortest match does
-- not fit the column, 22023 for bad options
\set VERBOSITY sqlstate
SELECT faker_regex('(a)\1');
SELECT faker_regex('a(?=b)');
SELECT faker_regex('a(?<!b)');
SELECT faker_regex('\mword\M');
SELECT faker_regex('[z-a]');
SELECT faker_regex('a**');
SELECT faker_regex('(ab');
SELECT faker_regex('ab)');
SELECT faker_regex('[abc');
SELECT faker_regex('[[:nope:]]');
SELECT faker_regex('a{3,2}');
SELECT faker_regex('a{256}');
SELECT faker_regex('a{2');
SELECT faker_regex('*a');
SELECT faker_regex('ab\');
SELECT faker_regex('\q');
SELECT faker_regex('a^b');
SELECT faker_regex('(?x)a b');
SELECT faker_regex('(((((a{255}){255}){255}){255}){255})');
SELECT faker_generate('regex', '{}');
SELECT faker_generate('regex', '{"pattern": 5}');
SELECT faker_generate('regex', '{"pattern": "a", "icase": "yes"}');
CREATE TABLE rx_short (id serial PRIMARY KEY, code varchar(5) NOT NULL);
SELECT faker_define('rx_short', 'rx_short', '{"columns": {"code": {"gen": "regex", "pattern": "^[A-Z]{8}$"}}}');
\set VERBOSITY default
SELECT faker_regex('(a)\1');
SELECT faker_regex('x[[:nope:]]');
SELECT faker_regex('a(?=b)');
SELECT faker_define('rx_short', 'rx_short', '{"columns": {"code": {"gen": "regex", "pattern": "^[A-Z]{8}$"}}}');
DROP TABLE rx_item, rx_short;
