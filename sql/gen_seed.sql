-- gen_seed: the same faker.seed gives the same values in any session
SET faker.seed = 42;
CREATE TABLE gen_seed_a AS SELECT i, faker_name() AS n, faker_int(1, 1000) AS k, faker_uuid() AS u
FROM generate_series(1, 100) i;
\c
SET faker.seed = 42;
CREATE TEMP TABLE b AS SELECT i, faker_name() AS n, faker_int(1, 1000) AS k, faker_uuid() AS u
FROM generate_series(1, 100) i;
SELECT count(*) AS differing FROM gen_seed_a a JOIN b USING (i)
WHERE (a.n, a.k, a.u) IS DISTINCT FROM (b.n, b.k, b.u);
-- another seed gives other values
SET faker.seed = 43;
SELECT count(*) > 90 AS mostly_different FROM gen_seed_a a
JOIN (SELECT i, faker_name() AS n, faker_int(1, 1000) AS k FROM generate_series(1, 100) i) c USING (i)
WHERE (a.n, a.k) IS DISTINCT FROM (c.n, c.k);
-- an unset seed means fresh randomness: two runs differ
RESET faker.seed;
SELECT (SELECT string_agg(faker_uuid()::text, '') FROM generate_series(1, 3))
    <> (SELECT string_agg(faker_uuid()::text, '') FROM generate_series(1, 3)) AS fresh;
DROP TABLE gen_seed_a;
