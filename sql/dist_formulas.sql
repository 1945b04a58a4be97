-- dist_formulas: the static skew formula over a fixed pool is
-- what sub-pool draws use: P(i < x n) = x^(1/s).  Checked on a pool of
-- 1000 with a huge mean (so almost no creation) over 100k draws: the share
-- below x n has sd <= 0.16 points, so +-2 points is > 10 sd.
-- A pool far larger than the draws is not planned: the formula applies.
SELECT s, x, abs(avg((pick < x * 1000000)::int) - x ^ (1.0 / s)) < 0.02 AS ok
FROM (VALUES (1, 0.25), (1, 0.5), (2, 0.1), (2, 0.25), (2, 0.5), (3, 0.1), (3, 0.25), (4, 0.1), (4, 0.5)) v(s, x),
     LATERAL faker_draw(jsonb_build_object('skew', s, 'mean', 1e6), 100000, 1000000, 11) d
WHERE NOT d.created
GROUP BY s, x ORDER BY s, x;
-- O2M counts: the observed mean within 3% of the requested one (100k
-- draws; the largest relative sd of the mean here, pareto 2.5, is < 1%)
SELECT spec, abs(avg(c) / coalesce((spec->>'mean')::numeric, 3) - 1) < 0.03 AS mean_ok, min(c) >= 0 AS non_negative
FROM (VALUES ('{"mean": 3}'::jsonb), ('{"mean": 50}'), ('{"mean": 3, "skew": 2}'), ('{"mean": 3, "skew": 4}'),
             ('{"mean": 5, "weights": [0.7, 0.2, 0.07, 0.03]}'), ('{"distribution": "exponential", "mean": 3}'),
             ('{"distribution": "pareto", "mean": 3}'), ('{"distribution": "lognormal", "mean": 3, "sigma": 0.5}'),
             ('{"distribution": "gamma", "mean": 3, "shape": 2}'), ('{"distribution": "weibull", "mean": 3}'),
             ('{"distribution": "uniform", "mean": 3}'), ('{"min": 1, "max": 5, "weights": [0.5, 0.5]}')) v(spec),
     LATERAL faker_counts(spec, 100000, 5) c
GROUP BY spec ORDER BY spec::text;
-- shapes: skew piles parents low and a few high; ranges stay in range and
-- interpolated weights decrease
SELECT max(c) > 3 * 3 AND percentile_disc(0.5) WITHIN GROUP (ORDER BY c) < 3 AS skewed
FROM faker_counts('{"mean": 3, "skew": 4}', 10000, 1) c;
SELECT min(c), max(c), count(*) FILTER (WHERE c = 0) > count(*) FILTER (WHERE c = 5) AS decreasing
FROM faker_counts('{"min": 0, "max": 5, "weights": [0.7, 0.2, 0.1]}', 10000, 1) c;
SELECT DISTINCT c FROM faker_counts('{"min": 5, "max": 5}', 100, 1) c;
-- determinism: same seed, same draws; another seed differs
SELECT (SELECT string_agg(pick::text, ',') FROM faker_draw('{"skew": 2}', 1000, 10, 99))
     = (SELECT string_agg(pick::text, ',') FROM faker_draw('{"skew": 2}', 1000, 10, 99)) AS same,
       (SELECT string_agg(pick::text, ',') FROM faker_draw('{"skew": 2}', 1000, 10, 99))
    <> (SELECT string_agg(pick::text, ',') FROM faker_draw('{"skew": 2}', 1000, 10, 98)) AS differs;
SELECT * FROM faker_draw('{"weights": [3, 1], "mean": 2, "null_weight": 0.2}', 12, 0, 42);
