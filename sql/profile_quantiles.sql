-- profile_quantiles: the "quantiles" generator draws from a quantile sketch
-- (points at evenly spaced quantiles, linear in between): each segment gets
-- 1/k of the values (within 2 points over 20000 draws), values stay in range
SET faker.seed = 7;
CREATE TEMP TABLE q AS
SELECT faker_generate('quantiles', '{"points": [0, 10, 100, 1000]}')::float8 AS v
FROM generate_series(1, 20000);
SELECT min(v) >= 0 AND max(v) <= 1000 AS in_range,
       abs(avg((v < 10)::int) - 1/3.0) <= 0.02 AS first_third,
       abs(avg((v < 100)::int) - 2/3.0) <= 0.02 AS second_third,
       abs(percentile_cont(0.5) WITHIN GROUP (ORDER BY v) - 55) <= 5 AS median
FROM q;
-- scale: numeric rounded (0 for integer columns); strings: timestamps
SELECT faker_generate('quantiles', '{"points": [1, 5], "scale": 0}') ~ '^[1-5]$' AS integer,
       faker_generate('quantiles', '{"points": [1, 1], "scale": 2}') AS constant,
       faker_generate('quantiles', '{"points": ["2024-01-01 00:00:00+00", "2024-01-01 00:00:00+00"]}')::timestamptz
         = '2024-01-01 00:00:00+00' AS timestamp;
-- in a spec: an integer and a date column
CREATE TABLE qt (n int NOT NULL, d date);
SELECT faker_define('qt', 'qt', '{"columns": {"n": {"gen": "quantiles", "points": [1, 2, 3, 100], "scale": 0},
  "d": {"gen": "quantiles", "points": ["2020-01-01", "2020-12-31"], "null_weight": 0.5}}}');
SELECT created FROM faker_populate('qt', 3000, 1) WHERE aggregate = 'qt';
SELECT min(n) >= 1 AND max(n) <= 100 AS n_range, abs(avg((n <= 3)::int) - 2/3.0) <= 0.03 AS n_shape,
       min(d) >= '2020-01-01' AND max(d) <= '2020-12-31' AS d_range,
       abs(avg((d IS NULL)::int) - 0.5) <= 0.03 AS d_nulls
FROM qt;
-- errors name the option
SELECT faker_generate('quantiles', '{}');
SELECT faker_generate('quantiles', '{"points": [1]}');
SELECT faker_generate('quantiles', '{"points": [3, 2]}');
SELECT faker_generate('quantiles', '{"points": [1, "x"]}');
SELECT faker_generate('quantiles', '{"points": ["2024-01-01", "nope"]}');
SELECT faker_generate('quantiles', '{"points": [1, 2], "scale": 13}');
SELECT faker_generate('quantiles', '{"points": ["2024-01-01", "2024-01-02"], "scale": 1}');
