-- gen_spaces: each text generator makes many distinct values (compounds,
-- src/gen/compound.c) while its most common values stay the familiar
-- plain-list ones (85% of first and last names, 60% of cities and
-- companies are plain; gen_million shows each can make a million).
-- 200,000 values with a fixed seed per generator.
SET faker.seed = 7;
CREATE TEMP TABLE spaces (g text, n int, v text);
INSERT INTO spaces SELECT 'first_name', 25000, faker_first_name() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'last_name', 25000, faker_last_name() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'name', 100000, faker_name() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'city', 60000, faker_city() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'company', 60000, faker_company() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'street_address', 190000, faker_street_address() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'job', 60000, faker_job() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'username', 190000, faker_username() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'email', 190000, faker_email() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'word', 40000, faker_word() FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'words(2)', 100000, faker_words(2) FROM generate_series(1, 200000);
INSERT INTO spaces SELECT 'sentence', 190000, faker_sentence() FROM generate_series(1, 200000);
SELECT g, count(DISTINCT v) >= min(n) AS enough, min(n) AS at_least, count(DISTINCT v) AS distinct_values
FROM spaces GROUP BY g ORDER BY g;
-- the ten most common values of each: plain-list ones
SELECT g, string_agg(v, ', ' ORDER BY c DESC, v) AS top10
FROM (SELECT g, v, count(*) AS c, row_number() OVER (PARTITION BY g ORDER BY count(*) DESC, v) AS k
      FROM spaces GROUP BY g, v) t
WHERE k <= 10 GROUP BY g ORDER BY g;
-- varchar(n): a compound too long for the column falls back to the plain value
CREATE TABLE gen_spaces_short (id serial PRIMARY KEY, city varchar(14), job varchar(20));
SELECT created FROM faker_populate('gen_spaces_short', 2000, 1);
SELECT count(*) FILTER (WHERE city ~ '^[A-Z][A-Za-z. ]*[a-z]$') AS whole_cities,
       count(*) FILTER (WHERE job ~ '[a-z]$') AS whole_jobs, count(DISTINCT city) > 300 AS varied
FROM gen_spaces_short;
DROP TABLE gen_spaces_short;
DROP TABLE spaces;
