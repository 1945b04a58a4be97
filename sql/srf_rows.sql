-- srf_rows: faker_rows returns rows built as faker_populate would
CREATE TABLE shop (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE item (id serial PRIMARY KEY, shop_id int NOT NULL REFERENCES shop,
                   sku varchar(12) NOT NULL UNIQUE, price numeric(8,2) NOT NULL,
                   added timestamptz NOT NULL DEFAULT '2020-01-01 00:00+00');
SELECT faker_define('item', 'item', '{"columns": {"sku": {"gen": "string", "min_length": 12, "max_length": 12}},
  "references": {"shop_id": {"mean": 25, "skew": 2}}}');
-- the rows are returned, not inserted; the parents they need are created
SELECT count(*), count(DISTINCT shop_id) BETWEEN 30 AND 50 AS shops_ok FROM faker_rows(NULL::item, 1000, 1);
SELECT (SELECT count(*) FROM item) AS items, (SELECT count(*) FROM shop) > 0 AS shops_created;
-- defaults are evaluated, so INSERT ... SELECT * works as is
INSERT INTO item SELECT * FROM faker_rows(NULL::item, 500, 2);
SELECT count(*) AS items, count(DISTINCT id) AS ids, min(added) AS added FROM item;
-- usable in joins, with LIMIT, in COPY; parents created during a query are
-- visible from the next statement on (the query's snapshot predates them)
CREATE TEMP TABLE r AS SELECT * FROM faker_rows(NULL::item, 100, 3);
SELECT count(*) FROM r JOIN shop s ON s.id = r.shop_id;
SELECT count(*) FROM (SELECT * FROM faker_rows(NULL::item, 100000, 4) LIMIT 3) s;
COPY (SELECT sku, price FROM faker_rows(NULL::item, 3, 5)) TO STDOUT WITH (FORMAT csv);
-- in a select list rows stream: LIMIT stops a call of a million rows at once
SET statement_timeout = '20s';
SELECT count(*) AS three FROM (SELECT faker_rows(NULL::item, 1000000, 6) LIMIT 3) s;
RESET statement_timeout;
-- the same seed gives the same rows
SELECT (SELECT string_agg(sku, ',') FROM faker_rows(NULL::item, 20, 9))
     = (SELECT string_agg(sku, ',') FROM faker_rows(NULL::item, 20, 9)) AS same;
-- errors
SELECT * FROM faker_rows(1, 5);
SELECT * FROM faker_rows(NULL::item, -1);
