-- dist_fidelity: the end state of 200k draws from an empty pool, measured
-- with faker_fit, meets the fidelity bars: mean within 3%, null_weight
-- within 1 point, each of the 4 rank-group shares within 3 points, fitted
-- skew within 15%.  Fixed seeds make the figures exact; the margins are
-- wide: the plan gives every value its quota, so the shares come out within
-- a fraction of a point (see docs), and the creation schedule makes the
-- number of values exact to about one.
CREATE FUNCTION fit_ok(spec jsonb, seed bigint) RETURNS TABLE(ok_mean bool, ok_null bool, ok_weights bool, ok_skew bool)
LANGUAGE plpgsql AS $$
DECLARE f jsonb; w float8[]; s float8 := 0;
BEGIN
  DROP TABLE IF EXISTS d;
  CREATE TEMP TABLE d AS SELECT pick FROM faker_draw(spec, 200000, 0, seed);
  f := faker_fit('d', '{pick}');
  SELECT array_agg(x::float8) INTO w FROM jsonb_array_elements_text(spec->'weights') x;
  IF w IS NOT NULL THEN SELECT sum(x) INTO s FROM unnest(w) x; END IF;
  RETURN QUERY SELECT
    abs((f->>'mean')::float8 / (spec->>'mean')::float8 - 1) <= 0.03,
    abs((f->>'null_weight')::float8 - coalesce((spec->>'null_weight')::float8, 0)) <= 0.01,
    w IS NULL OR (SELECT bool_and(abs((f->'weights'->>(i - 1))::float8 - w[i] / s) <= 0.03)
                  FROM generate_subscripts(w, 1) i),
    spec->'skew' IS NULL OR abs((f->>'skew')::float8 / (spec->>'skew')::float8 - 1) <= 0.15;
END $$;
SELECT 'weights mean 50' AS t, * FROM fit_ok('{"weights": [0.7, 0.2, 0.07, 0.03], "mean": 50}', 1)
UNION ALL SELECT 'weights mean 10 nulls', * FROM fit_ok('{"weights": [0.7, 0.2, 0.07, 0.03], "mean": 10, "null_weight": 0.3}', 2)
UNION ALL SELECT 'weights 3 groups', * FROM fit_ok('{"weights": [5, 3, 2, 1], "mean": 40}', 3)
UNION ALL SELECT 'skew 2', * FROM fit_ok('{"skew": 2, "mean": 20}', 4)
UNION ALL SELECT 'skew 3', * FROM fit_ok('{"skew": 3, "mean": 50, "null_weight": 0.1}', 5)
UNION ALL SELECT 'uniform', * FROM fit_ok('{"mean": 20}', 6)
UNION ALL SELECT 'unique', * FROM fit_ok('{"mean": 1}', 7);
-- mean 1 is unique: every non-null draw creates
SELECT count(*) = count(DISTINCT pick) AS all_distinct, bool_and(created) AS all_created
FROM faker_draw('{"mean": 1}', 10000, 0, 1);
-- an empty pool always creates; NULL draws have no pick
SELECT pick, created FROM faker_draw('{"mean": 1000}', 1, 0, 1);
SELECT count(*) FILTER (WHERE pick IS NULL) = count(*) AS all_null FROM faker_draw('{"null_weight": 1}', 100, 5, 1);
-- draws beyond the plan and over a large existing pool stay in range
SELECT min(pick) >= 0 AND max(pick) < 1000000 + count(*) FILTER (WHERE created) AS in_range
FROM faker_draw('{"skew": 2, "mean": 100}', 10000, 1000000, 1);
