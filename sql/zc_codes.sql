-- zc_codes: short unique codes (char(n) or varchar(n), n <= 4, unique on
-- their own, no spec) are drawn without replacement from the codes of n
-- letters or digits, codes of letters only first; asking the table for
-- more rows than the space has left fails before writing, naming the
-- column and the space's size
\set SHOW_CONTEXT never
CREATE TABLE zcc_country (code char(2) PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcc_currency (code varchar(3) NOT NULL UNIQUE, name text NOT NULL);
CREATE TABLE zcc_region (id serial PRIMARY KEY, country char(2) NOT NULL REFERENCES zcc_country,
  name text NOT NULL);
-- 1000 codes of a 1296-code space (36^2): the 676 (26^2) letter codes,
-- then 324 with a digit
SELECT created FROM faker_populate('zcc_country', 1000, 1) WHERE aggregate = 'zcc_country';
SELECT count(*) AS rows_made, count(DISTINCT code) AS distinct_codes,
       count(*) FILTER (WHERE code ~ '^[A-Z]{2}$') AS letters,
       count(*) FILTER (WHERE code ~ '[0-9]') AS with_digit,
       count(*) FILTER (WHERE code !~ '^[A-Z0-9]{2}$') AS bad_shape
  FROM zcc_country;
SELECT created FROM faker_populate('zcc_currency', 3000, 1) WHERE aggregate = 'zcc_currency';
SELECT count(*) AS rows_made, count(DISTINCT code) AS distinct_codes,
       count(*) FILTER (WHERE code !~ '^[A-Z]{3}$') AS not_letters
  FROM zcc_currency;
-- children reference the codes; their parents' codes stay unique
SELECT * FROM faker_populate('zcc_region', 500, 2) ORDER BY aggregate;
SELECT count(*) AS countries, count(DISTINCT code) AS distinct_codes FROM zcc_country;
SELECT count(*) FILTER (WHERE c.code IS NULL) AS orphans FROM zcc_region r LEFT JOIN zcc_country c ON c.code = r.country;
-- the space left: 1296 - 1050 = 246 codes; 247 rows is an error before
-- writing, 246 take every code left
SELECT * FROM faker_populate('zcc_country', 247, 3);
SELECT count(*) AS countries FROM zcc_country;
SELECT created FROM faker_populate('zcc_country', 246, 3) WHERE aggregate = 'zcc_country';
SELECT count(*) AS countries, count(DISTINCT code) AS distinct_codes FROM zcc_country;
-- every code taken: a parent created through a reference has none left
SELECT faker_define('zcc_region_new', 'zcc_region', '{"references": {"zcc_region_country_fkey": {"mean": 1}}}');
SELECT * FROM faker_populate('zcc_region_new', 20, 4);
SELECT count(*) AS regions FROM zcc_region;
-- the same seed again does not repeat the codes of the first call (they
-- are in the table: skipped)
CREATE TABLE zcc_airport (code char(3) PRIMARY KEY);
SELECT created FROM faker_populate('zcc_airport', 100, 7) WHERE aggregate = 'zcc_airport';
SELECT created FROM faker_populate('zcc_airport', 100, 7) WHERE aggregate = 'zcc_airport';
SELECT count(*) AS airports, count(DISTINCT code) AS distinct_codes FROM zcc_airport;
-- a column with a spec, or longer than 4, keeps its generator
CREATE TABLE zcc_other (id serial PRIMARY KEY, tag varchar(3) UNIQUE, longer varchar(12) UNIQUE);
SELECT faker_define('zcc_other', 'zcc_other', '{"columns": {"tag": {"gen": "sequence"}}}');
SELECT created FROM faker_populate('zcc_other', 50, 1) WHERE aggregate = 'zcc_other';
SELECT count(*) FILTER (WHERE tag !~ '^[0-9]+$') AS tag_not_sequence, count(DISTINCT longer) AS longer_distinct FROM zcc_other;
