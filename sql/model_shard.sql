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
-- a multi-tenant union: tenants by weighted rank groups, authors by skew
-- inside each tenant.  Each shard from the same (empty) state, as shards
-- started together see it; the union holds the spec's shape within the
-- fidelity bars of a single call (SPEC 6: mean +-3%, each weight share
-- +-3 points, skew +-15%): 200,000 books, 1,000 tenants, 10,000 authors.
CREATE TABLE su_tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE su_author (tenant_id int NOT NULL REFERENCES su_tenant, id int, name text NOT NULL,
                        PRIMARY KEY (tenant_id, id));
CREATE TABLE su_book (tenant_id int NOT NULL REFERENCES su_tenant, id serial, author_id int NOT NULL,
                      isbn text NOT NULL, PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, author_id) REFERENCES su_author);
SELECT faker_define('su_book', 'su_book', '{"columns": {"isbn": {"gen": "digits", "length": 13, "mean": 100}},
  "references": {
  "su_book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 200},
  "su_book_tenant_id_author_id_fkey": {"skew": 2.0, "mean": 20}}}');
CREATE TABLE su_union (shard int, tenant_id int, author_id int, isbn text);
SELECT aggregate, created FROM faker_populate('su_book', 200000, 11, shard => 0, shards => 2);
INSERT INTO su_union SELECT 0, tenant_id, author_id, isbn FROM su_book;
TRUNCATE su_book, su_author, su_tenant;
SELECT aggregate, created FROM faker_populate('su_book', 200000, 11, shard => 1, shards => 2);
INSERT INTO su_union SELECT 1, tenant_id, author_id, isbn FROM su_book;
-- every tenant is whole in one shard
SELECT (SELECT count(*) FROM su_union) AS books, count(*) AS tenants,
       count(*) FILTER (WHERE n > 1) AS tenants_in_both
FROM (SELECT tenant_id, count(DISTINCT shard) AS n FROM su_union GROUP BY tenant_id) t;
-- a reused plain column ("mean": 100) keeps its pool in memory per shard: 2,000 values
SELECT abs(count(DISTINCT isbn) / 2000.0 - 1) <= 0.03 AS isbn_values_ok FROM su_union;
WITH t AS (SELECT faker_fit('su_union', '{tenant_id}') AS f),
     a AS (SELECT faker_fit('su_union', '{tenant_id,author_id}', '{tenant_id}') AS f)
SELECT abs((t.f->>'mean')::float8 / 200 - 1) <= 0.03 AS tenant_mean_ok,
       (SELECT bool_and(abs(w::float8 - x) <= 0.03)
          FROM jsonb_array_elements_text(t.f->'weights') WITH ORDINALITY AS e(w, i)
          JOIN (VALUES (1, 0.7), (2, 0.2), (3, 0.07), (4, 0.03)) v(i, x) USING (i)) AS weights_ok,
       abs((a.f->>'mean')::float8 / 20 - 1) <= 0.03 AS author_mean_ok,
       abs((a.f->>'skew')::float8 / 2 - 1) <= 0.15 AS author_skew_ok
FROM t, a;
DROP TABLE su_union, su_book, su_author, su_tenant;
SELECT faker_undefine('su_book');
-- arguments
SELECT * FROM faker_populate('sh_book', 10, 1, shard => 2, shards => 2);
SELECT * FROM faker_populate('sh_book', 10, 1, shard => 0);
DROP TABLE sh_union, sh_book, sh_tenant;
SELECT faker_undefine('sh_book'), faker_undefine('sh_tenant');
