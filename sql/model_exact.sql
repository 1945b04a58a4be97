-- model_exact: "exact": true draws a column's NULLs and the values of a
-- "values" list stratified (src/dist/strata.c): in every block of rows
-- (the least number in which the rarest share has one place) each share
-- gets its places, so a call's counts are within one row of the shares,
-- where independent draws give a binomial spread.  Fixed seeds: the
-- counts are exact.
SET faker.progress = off;
CREATE TABLE ex (id serial PRIMARY KEY, plan text NOT NULL, note text, score int);
SELECT faker_define('ex', 'ex', '{"columns": {
  "plan": {"values": ["free", "pro", "enterprise"], "weights": [0.6, 0.3, 0.1], "exact": true},
  "note": {"gen": "words", "n": 2, "null_weight": 0.25, "exact": true},
  "score": {"gen": "int", "min": 1, "max": 5, "null_weight": 0.1}}}');
-- 20 rows: 12/6/2 and 5 NULL notes exactly
SELECT created FROM faker_populate('ex', 20, 1);
SELECT plan, count(*) FROM ex GROUP BY 1 ORDER BY 2 DESC;
SELECT count(*) FILTER (WHERE note IS NULL) AS null_notes FROM ex;
-- the streams continue from call to call (their positions are kept with
-- faker's sequence counters): 30 calls of 3 rows end as one call of 90,
-- 54 free and 22 or 23 NULL notes (22.5), whatever the calls' seeds
TRUNCATE ex;
SELECT faker_reset('ex');
DO $$
BEGIN
    FOR i IN 1..30 LOOP
        PERFORM faker_populate('ex', 3, 100 + i);
    END LOOP;
END $$;
SELECT count(*) FILTER (WHERE plan = 'free') AS free, count(*) FILTER (WHERE note IS NULL) AS null_notes FROM ex;
-- the same rows as one call with the first call's seed
CREATE TABLE calls AS SELECT plan, note IS NULL AS nonote FROM ex ORDER BY id;
TRUNCATE ex;
SELECT faker_reset('ex');
SELECT created FROM faker_populate('ex', 90, 101);
SELECT count(*) AS same_plan_and_null FROM (SELECT plan, note IS NULL AS nonote, row_number() OVER (ORDER BY id) AS r FROM ex) a
JOIN (SELECT *, row_number() OVER () AS r FROM calls) b USING (r) WHERE a.plan = b.plan AND a.nonote = b.nonote;
SELECT scope ~ '^ex\.(plan|note)#(values|nulls):[0-9a-f]{16}(/seed)?$' AS scope_named, count(*)
FROM faker.sequence WHERE scope LIKE 'ex.%' GROUP BY 1;
-- faker_reset forgets them: the stream starts anew
SELECT faker_reset('ex');
SELECT count(*) FROM faker.sequence WHERE scope LIKE 'ex.%';
-- the order inside a block is random: not every block starts alike
TRUNCATE ex;
SELECT created FROM faker_populate('ex', 1000, 2);
SELECT count(DISTINCT plan) AS first_of_blocks FROM (SELECT plan FROM ex WHERE id % 10 = 1) s;
SELECT plan, count(*) FROM ex GROUP BY 1 ORDER BY 2 DESC;
SELECT count(*) FILTER (WHERE note IS NULL) AS null_notes FROM ex;
-- the control: the same shares drawn independently (score, 0.1 NULL):
-- 1000 rows give a binomial count, here not 100
SELECT count(*) FILTER (WHERE score IS NULL) AS null_scores FROM ex;
-- a rare share: one place in a block of 1/0.003 -> 334 rows; 10 blocks
CREATE TABLE rare (id serial PRIMARY KEY, flag text NOT NULL);
SELECT faker_define('rare', 'rare', '{"columns": {"flag": {"values": ["common", "rare"], "weights": [0.997, 0.003], "exact": true}}}');
SELECT created FROM faker_populate('rare', 3340, 3);
SELECT flag, count(*) FROM rare GROUP BY 1 ORDER BY 1;
-- quantiles: each of the segments between the points its share of the
-- rows (200 rows, 4 segments: 50 each; independent draws: a binomial
-- 6 rows sd)
CREATE TABLE q (id serial PRIMARY KEY, v float8 NOT NULL);
SELECT faker_define('q', 'q', '{"columns": {"v": {"gen": "quantiles", "points": [0, 1, 10, 100, 1000], "exact": true}}}');
SELECT created FROM faker_populate('q', 200, 4);
SELECT width_bucket(v, ARRAY[0, 1, 10, 100]::float8[]) AS segment, count(*) FROM q GROUP BY 1 ORDER BY 1;
-- errors: "exact" needs something to apply to, and a boolean
\set VERBOSITY terse
SELECT faker_define('ex2', 'ex', '{"columns": {"score": {"gen": "int", "exact": true}}}');
SELECT faker_define('ex2', 'ex', '{"columns": {"score": {"gen": "int", "mean": 3, "exact": true}}}');
SELECT faker_define('ex2', 'ex', '{"columns": {"note": {"gen": "words", "null_weight": 0.2, "exact": "yes"}}}');
\set VERBOSITY default
DROP TABLE ex, rare, calls, q;
SELECT faker_undefine('ex');
SELECT faker_undefine('rare');
SELECT faker_undefine('q');
