-- srf_pipe: a stream of related choices over shared pools
SET faker.progress = off;  -- no NOTICEs if a slow machine takes over 3 s
CREATE TABLE account (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE product (sku text PRIMARY KEY, title text NOT NULL);
CREATE TABLE region (code char(2), zone int, PRIMARY KEY (code, zone));
SELECT faker_define('region', 'region', '{"columns": {"code": {"gen": "string", "min_length": 2, "max_length": 2}}}');
-- each row holds the key chosen or created at each step
SELECT * FROM faker_pipe('[{"name": "who", "aggregate": "account", "mean": 5},
                           {"name": "what", "aggregate": "product", "mean": 3, "skew": 2},
                           {"name": "where", "aggregate": "region", "mean": 2, "null_weight": 0.5}]', 6, 1);
-- two steps on one aggregate share its pool: the buyer and the seller come
-- from the same accounts, each step with its own distribution
CREATE TEMP TABLE feed AS
SELECT r FROM faker_pipe('[{"name": "buyer", "aggregate": "account", "mean": 10},
                           {"name": "seller", "aggregate": "account", "mean": 100, "weights": [0.9, 0.1]}]', 2000, 2) r;
SELECT count(*) AS feed_rows, count(DISTINCT r->'buyer') BETWEEN 150 AND 250 AS buyers_ok,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = (r->>'seller')::int)) AS sellers_not_in_table,
       count(DISTINCT r->'seller') < count(DISTINCT r->'buyer') AS sellers_fewer
FROM feed;
SELECT (SELECT count(*) FROM account) = (SELECT size FROM faker_pools WHERE aggregate = 'account') AS pool_matches;
-- null_weight and mean hold over 20000 iterations: 10000 +- 300 nulls
-- (sd 71), 20000/4 = 5000 products created (the schedule makes it exact to about one)
SELECT count(*) FILTER (WHERE r->'p' = 'null') BETWEEN 9700 AND 10300 AS nulls_ok,
       count(DISTINCT r->'q') BETWEEN 4950 AND 5050 AS products_ok
FROM faker_pipe('[{"name": "p", "aggregate": "account", "null_weight": 0.5},
                  {"name": "q", "aggregate": "product", "mean": 4}]', 20000, 3) r;
-- a JSONL feed for a load test
COPY (SELECT * FROM faker_pipe('[{"name": "user", "aggregate": "account", "mean": 2}]', 3, 4)) TO STDOUT;
-- determinism: the same seed over the same starting state (sequences are
-- not transactional: put the position back by hand)
SELECT last_value AS lv, is_called AS ic FROM account_id_seq \gset
BEGIN;
SELECT string_agg(r::text, ',') AS first FROM faker_pipe('[{"name": "a", "aggregate": "account", "mean": 3}]', 50, 9) r \gset
ROLLBACK;
SELECT setval('account_id_seq', :lv, :'ic') IS NOT NULL AS reset;
SELECT string_agg(r::text, ',') = :'first' AS same FROM faker_pipe('[{"name": "a", "aggregate": "account", "mean": 3}]', 50, 9) r;
-- streaming: in a select list (or a cursor) a pipe yields rows as they are
-- made, so LIMIT stops the work; a pipe of 10 million iterations returns at
-- once (the timeout fails this test if it was built whole first)
SET statement_timeout = '20s';
SELECT count(*) AS ten FROM (SELECT faker_pipe('[{"name": "a", "aggregate": "account", "mean": 1}]', 10000000, 21) LIMIT 10) s;
BEGIN;
DECLARE feed CURSOR FOR SELECT faker_pipe('[{"name": "a", "aggregate": "account", "mean": 1}]', 10000000, 22);
FETCH 3 FROM feed;
CLOSE feed;
COMMIT;
RESET statement_timeout;
-- what a stopped pipe made is written: every key it returned is a row
CREATE TEMP TABLE stopped AS
SELECT faker_pipe('[{"name": "a", "aggregate": "account", "mean": 1}]', 1000000, 23) AS j LIMIT 25;
SELECT count(*) AS returned, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = (s.j->>'a')::int)) AS missing
FROM stopped s;
-- errors
\set SHOW_CONTEXT never
SELECT * FROM faker_pipe('{}', 1);
SELECT * FROM faker_pipe('[]', 1);
SELECT * FROM faker_pipe('[1]', 1);
SELECT * FROM faker_pipe('[{"aggregate": "account"}]', 1);
SELECT * FROM faker_pipe('[{"name": 1, "aggregate": "account"}]', 1);
SELECT * FROM faker_pipe('[{"name": "", "aggregate": "account"}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": ["account"]}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account"}, "b"]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "nosuch"}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account"}, {"name": "a", "aggregate": "account"}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account", "mean": 0}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account", "mean": 1e400}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account", "colour": 1}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account", "require": {"id": {"$step": "b.id"}}}]', 1);
SELECT * FROM faker_pipe('[{"name": "a", "aggregate": "account"}]', -1);
-- leave nothing for the suites that follow (fid_calls makes its own account)
DROP TABLE account, product, region;
