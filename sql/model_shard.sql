-- Sharded fills (src/model/shard.c): shard k of m is deterministic for
-- (seed, k, m), shards make disjoint keys (integer keys without a default,
-- faker sequences), and the union has the spec's shape.
SET faker.progress = off;
CREATE TABLE sh_tenant (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE sh_book (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES sh_tenant, title text NOT NULL);
SELECT faker_define('sh_tenant', 'sh_tenant', '{"columns": {"name": {"gen": "sequence", "format": "Tenant %s"}}}');
SELECT faker_define('sh_book', 'sh_book', '{"references": {"tenant_id": {"skew": 2, "mean": 20}}}');
-- shard 1 of 2 from an empty state, twice: the same rows
CREATE TEMP TABLE sh_digest (run int, tenants text, books text);
SELECT aggregate, created FROM faker_populate('sh_book', 40000, 9, shard => 1, shards => 2);
INSERT INTO sh_digest SELECT 1, (SELECT md5(string_agg(id || ':' || name, ',' ORDER BY id)) FROM sh_tenant),
                               (SELECT md5(string_agg(tenant_id || ':' || title, ',' ORDER BY tenant_id, title)) FROM sh_book);
SELECT count(*) FROM sh_book;
-- shard 0 after shard 1 committed: its tenant keys are in its own class
SELECT aggregate, created FROM faker_populate('sh_book', 40000, 9, shard => 0, shards => 2);
SELECT count(*) FILTER (WHERE id % 2 = 1) > 0 AS odd, count(*) FILTER (WHERE id % 2 = 0) > 0 AS even,
       count(DISTINCT name) = count(*) AS names_unique FROM sh_tenant;
-- again shard 1 from the state it started from: the same digest
TRUNCATE sh_book, sh_tenant;
DELETE FROM faker.sequence WHERE scope LIKE 'sh_tenant.name/%';
SELECT aggregate, created FROM faker_populate('sh_book', 40000, 9, shard => 1, shards => 2);
INSERT INTO sh_digest SELECT 2, (SELECT md5(string_agg(id || ':' || name, ',' ORDER BY id)) FROM sh_tenant),
                               (SELECT md5(string_agg(tenant_id || ':' || title, ',' ORDER BY tenant_id, title)) FROM sh_book);
SELECT count(DISTINCT tenants) = 1 AS same_tenants, count(DISTINCT books) = 1 AS same_books FROM sh_digest;
-- the union of shards 0 and 1, each from an empty state: the spec's shape
TRUNCATE sh_book, sh_tenant;
DELETE FROM faker.sequence WHERE scope LIKE 'sh_tenant.name/%' ;
SELECT aggregate, created FROM faker_populate('sh_book', 200000, 5, shard => 0, shards => 2);
CREATE TABLE sh_union AS SELECT tenant_id FROM sh_book;
TRUNCATE sh_book, sh_tenant;
SELECT aggregate, created FROM faker_populate('sh_book', 200000, 5, shard => 1, shards => 2);
INSERT INTO sh_union SELECT tenant_id FROM sh_book;
SELECT count(*) AS books, count(DISTINCT tenant_id) > 0 AS tenants FROM sh_union;
WITH per AS (SELECT tenant_id, count(*) AS n FROM sh_union GROUP BY tenant_id)
SELECT abs(avg(n) / 20 - 1) <= 0.03 AS mean_ok FROM per;
-- arguments
SELECT * FROM faker_populate('sh_book', 10, 1, shard => 2, shards => 2);
SELECT * FROM faker_populate('sh_book', 10, 1, shard => 0);
DROP TABLE sh_union, sh_book, sh_tenant;
SELECT faker_undefine('sh_book'), faker_undefine('sh_tenant');
