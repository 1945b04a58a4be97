-- gen_uniform: faker_int is uniform.  100000 draws into 10 buckets; the
-- chi-square statistic with 9 degrees of freedom exceeds 27.88 with
-- probability 0.001 under uniformity, so a fixed seed passing it is
-- meaningful and a biased generator (e.g. modulo bias of 1%) would not pass.
SET faker.seed = 7;
WITH d AS (SELECT faker_int(0, 9) AS k FROM generate_series(1, 100000)),
     c AS (SELECT k, count(*) AS n FROM d GROUP BY k)
SELECT count(*) AS buckets, sum((n - 10000.0) ^ 2 / 10000.0) < 27.88 AS chi2_ok FROM c;
-- the full bigint range works and covers both signs
SELECT count(*) FILTER (WHERE x < 0) > 0 AND count(*) FILTER (WHERE x > 0) > 0 AS both_signs
FROM (SELECT faker_int(-9223372036854775808, 9223372036854775807) AS x FROM generate_series(1, 100)) s;
-- arguments that change per row recompile the generator each time
SELECT count(*) AS wrong FROM generate_series(1, 3000) i WHERE faker_int(i, i) <> i;
