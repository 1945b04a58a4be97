-- Small calls, as a load test makes them (README, "Performance": small
-- calls): pools kept in the session between calls (src/model/cache.c),
-- sampled draws over large pools and the random phase of the creation
-- schedule (src/dist/m2o.c), calls that only reuse taking no lock.
CREATE TABLE sc_customer (id bigserial PRIMARY KEY, name text);
CREATE TABLE sc_orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES sc_customer, amount int);
SELECT faker_define('sc_orders', 'sc_orders', '{"references": {"sc_orders_customer_id_fkey": {"mean": 10}}}');
SELECT created FROM faker_populate('sc_customer', 5000, 1);

-- Parents made in a transaction that rolls back are never drawn later (the
-- foreign key would fail): the session keeps committed pool entries only.
BEGIN;
SELECT aggregate, created FROM faker_populate('sc_customer', 100, 2);
-- the same transaction draws them
INSERT INTO sc_orders SELECT * FROM faker_rows(NULL::sc_orders, 50, 3);
ROLLBACK;
BEGIN;
SAVEPOINT s;
SELECT aggregate, created FROM faker_populate('sc_customer', 100, 4);
INSERT INTO sc_orders SELECT * FROM faker_rows(NULL::sc_orders, 20, 5);
ROLLBACK TO s;
INSERT INTO sc_orders SELECT * FROM faker_rows(NULL::sc_orders, 50, 6);
COMMIT;
-- parents committed by one call are drawn by the next (read as new entries)
SELECT created FROM faker_populate('sc_customer', 10, 7);
DO $$ BEGIN
  FOR i IN 1..200 LOOP
    INSERT INTO sc_orders SELECT * FROM faker_rows(NULL::sc_orders, 1, 100 + i);
  END LOOP;
END $$;
SELECT count(*) AS orders, count(DISTINCT customer_id) > 100 AS spread FROM sc_orders;

-- One-row calls create parents at 1/mean: 2000 calls with mean 10 make
-- Binomial(2000, 0.1) customers (mean 200, sd 13.4), so 150..250 holds
-- (3.7 sd).  (A fixed phase of 0.5 made none: 0.5 + 0.1 never reached 1.)
SELECT max(id) AS before FROM sc_customer \gset
DO $$ BEGIN
  FOR i IN 1..2000 LOOP
    INSERT INTO sc_orders SELECT * FROM faker_rows(NULL::sc_orders, 1, 1000 + i);
  END LOOP;
END $$;
SELECT count(*) BETWEEN 150 AND 250 AS created_at_one_in_ten FROM sc_customer WHERE id > :before;

-- The same call with the session cache off gives the same rows (the cache
-- only saves reading); each runs in a transaction that rolls back, so both
-- start from the same state.  Parents they create get their keys from the
-- sequence, which does not roll back: shown as "new".
SELECT max(id) AS known FROM sc_customer \gset
BEGIN;
SELECT string_agg(CASE WHEN customer_id > :known THEN 'new' ELSE customer_id::text END || ':' || amount, ',') AS cached FROM faker_rows(NULL::sc_orders, 30, 42) \gset
ROLLBACK;
SET faker.pool_cache = 0;
BEGIN;
SELECT string_agg(CASE WHEN customer_id > :known THEN 'new' ELSE customer_id::text END || ':' || amount, ',') AS uncached FROM faker_rows(NULL::sc_orders, 30, 42) \gset
ROLLBACK;
RESET faker.pool_cache;
SELECT :'cached' = :'uncached' AS same_rows, length(:'cached') > 60 AS not_empty;

-- Sampled draws keep the shape over many small calls: 400 calls of 60 rows
-- over 4100 customers (a call draws fewer than 1/64 of the pool: sampled,
-- not planned), weights [0.7, 0.2, 0.07, 0.03].  24000 uses over about
-- 4120 values; the fidelity bar is +-3 points per rank group (measured
-- 69.5 / 20.0 / 7.3 / 3.3 with these seeds).
CREATE TABLE sw_customer (id bigserial PRIMARY KEY);
CREATE TABLE sw_orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES sw_customer);
SELECT faker_define('sw_orders', 'sw_orders',
  '{"references": {"sw_orders_customer_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 1000}}}');
SELECT created FROM faker_populate('sw_customer', 4100, 1);
DO $$ BEGIN
  FOR i IN 1..400 LOOP
    INSERT INTO sw_orders SELECT * FROM faker_rows(NULL::sw_orders, 60, 100 + i);
  END LOOP;
END $$;
WITH u AS (SELECT c.id, count(o.id) AS n FROM sw_customer c LEFT JOIN sw_orders o ON o.customer_id = c.id GROUP BY c.id),
r AS (SELECT n, ntile(4) OVER (ORDER BY n DESC, id) AS g FROM u),
s AS (SELECT g, 100.0 * sum(n) / (SELECT count(*) FROM sw_orders) AS share FROM r GROUP BY g)
SELECT g, abs(share - (ARRAY[70, 20, 7, 3])[g]) <= 3 AS within_3_points FROM s ORDER BY g;

-- faker.pool_cache is a memory size
SET faker.pool_cache = -1;
SET faker.pool_cache = '64MB';
SHOW faker.pool_cache;
RESET faker.pool_cache;

DROP TABLE sc_orders, sc_customer, sw_orders, sw_customer;
SELECT faker_undefine('sc_orders');
SELECT faker_undefine('sw_orders');
