-- fid_calls: the end state does not depend on how many calls made it.
-- The same spec is filled by one call of 200k rows and by 20 calls of 10k
-- (200 calls of 1k: bench/fidelity.sh), and faker_fit measures each:
-- rank-group weights within 3 points, mean within 3%, fitted skew within
-- 15%, null_weight within 1 point, for references, a plain column's reuse
-- pool and children counts; a faker_pipe run of 20 calls likewise.
-- Why the margins hold at this size: every call plans each value's uses
-- toward the end state from the uses it already has (persisted with the
-- pool, src/model/uses.c), so the groups hold their planned shares up to
-- rounding (one use per value, 1/50 of a share at mean 50); values are
-- created on a jittered schedule, so the mean is N/created within about
-- one value per call (20 calls at mean 50 over 4000 values: 0.5%); NULLs
-- are a coin per draw, 0.1 +- 3 sd = +-0.2 points at 200k.  The seeds are
-- fixed, so the booleans below are exact.  The tenant mean of the single
-- call holds since creations jitter around a grid (src/dist/m2o.c): it
-- was 48.0 for 50 when each threshold was taken off whole (a random walk
-- over 10k draws).  The text column uses "words" (3
-- lorem words, millions of values): "city" has 250 values only.
SET faker.progress = off;
SET client_min_messages = warning;
CREATE TABLE tenant (id serial PRIMARY KEY);
CREATE TABLE author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES tenant);
CREATE TABLE reviewer (id serial PRIMARY KEY);
CREATE TABLE book (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES author,
                   reviewer_id int REFERENCES reviewer, code bigint, city text);
CREATE TABLE line (id serial PRIMARY KEY, book_id int NOT NULL REFERENCES book);
SELECT faker_define('author', 'author', '{"references": {"tenant_id": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 50}}}');
SELECT faker_define('book', 'book', '{
  "columns": {"code": {"gen": "int", "min": 0, "max": 1000000000000, "mean": 40, "skew": 2, "null_weight": 0.05},
              "city": {"gen": "words", "n": 3, "mean": 100, "weights": [0.4, 0.3, 0.2, 0.1]}},
  "references": {"author_id": {"skew": 2, "mean": 20},
                 "reviewer_id": {"mean": 10, "null_weight": 0.1}},
  "children": {"line": {"via": "book_id", "mean": 0.5, "weights": [0.4, 0.3, 0.2, 0.1]}}}');
CREATE TABLE result (calls int, measure text, ok boolean);
CREATE FUNCTION check_shape(calls int) RETURNS void LANGUAGE sql AS $$
  WITH t AS (SELECT faker_fit('author', '{tenant_id}') f), a AS (SELECT faker_fit('book', '{author_id}') f),
       r AS (SELECT faker_fit('book', '{reviewer_id}') f), c AS (SELECT faker_fit('book', '{code}') f),
       y AS (SELECT faker_fit('book', '{city}') f), l AS (SELECT faker_fit('line', '{book_id}') f)
  INSERT INTO result
  SELECT calls, m, ok FROM t, a, r, c, y, l, LATERAL (VALUES
    ('tenant weights', abs((t.f->'weights'->>0)::float8 - 0.70) <= 0.03 AND abs((t.f->'weights'->>1)::float8 - 0.20) <= 0.03
                       AND abs((t.f->'weights'->>2)::float8 - 0.07) <= 0.03 AND abs((t.f->'weights'->>3)::float8 - 0.03) <= 0.03),
    ('tenant mean', abs((t.f->>'mean')::float8 / 50 - 1) <= 0.03),
    ('author skew', abs((a.f->>'skew')::float8 / 2 - 1) <= 0.15),
    ('author mean', abs((a.f->>'mean')::float8 / 20 - 1) <= 0.03),
    ('reviewer mean', abs((r.f->>'mean')::float8 / 10 - 1) <= 0.03),
    ('reviewer null_weight', abs((r.f->>'null_weight')::float8 - 0.1) <= 0.01),
    ('code skew', abs((c.f->>'skew')::float8 / 2 - 1) <= 0.15),
    ('code mean', abs((c.f->>'mean')::float8 / 40 - 1) <= 0.03),
    ('code null_weight', abs((c.f->>'null_weight')::float8 - 0.05) <= 0.01),
    ('city weights', abs((y.f->'weights'->>0)::float8 - 0.4) <= 0.03 AND abs((y.f->'weights'->>1)::float8 - 0.3) <= 0.03
                     AND abs((y.f->'weights'->>2)::float8 - 0.2) <= 0.03 AND abs((y.f->'weights'->>3)::float8 - 0.1) <= 0.03),
    ('city mean', abs((y.f->>'mean')::float8 / 100 - 1) <= 0.03),
    ('lines per book', abs((SELECT count(*) FROM line) / (SELECT count(*) FROM book)::float8 / 0.5 - 1) <= 0.03)) v(m, ok);
$$;
CREATE FUNCTION fill(calls int, rows int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE line, book, author, tenant, reviewer RESTART IDENTITY;
  PERFORM faker_reset();
  FOR i IN 1..calls LOOP
    PERFORM faker_populate('book', rows / calls, i);
  END LOOP;
  PERFORM check_shape(calls);
END $$;
SELECT fill(1, 200000);
SELECT fill(20, 200000);
SELECT measure, bool_and(ok) FILTER (WHERE calls = 1) AS one_call, bool_and(ok) FILTER (WHERE calls = 20) AS twenty_calls
FROM result GROUP BY measure ORDER BY measure;
-- faker_pipe: 20 calls of 10k picks of accounts (skew 2, mean 20)
CREATE TABLE account (id serial PRIMARY KEY);
CREATE TABLE pick (account_id int);
DO $$ BEGIN
  FOR i IN 1..20 LOOP
    INSERT INTO pick SELECT (j->>'user')::int FROM faker_pipe('[{"name": "user", "aggregate": "account", "skew": 2, "mean": 20}]', 10000, i) j;
  END LOOP;
END $$;
WITH f AS (SELECT faker_fit('pick', '{account_id}') f)
SELECT abs((f->>'mean')::float8 / 20 - 1) <= 0.03 AS mean_ok, abs((f->>'skew')::float8 / 2 - 1) <= 0.15 AS skew_ok,
       (SELECT count(*) FROM account) = (SELECT count(DISTINCT account_id) FROM pick) AS every_account_picked
FROM f;
-- leave nothing for the tests that follow
DROP TABLE line, book, author, tenant, reviewer, result, account, pick;
DROP FUNCTION check_shape(int), fill(int, int);
SELECT faker_undefine('author'), faker_undefine('book');
SELECT faker_reset();
