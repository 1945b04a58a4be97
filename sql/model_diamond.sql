-- model_diamond: tenant -> author/publisher -> book -> review, composite keys.
-- Every book's author and publisher belong to the book's tenant (the tenant
-- is decided once and both wider keys are drawn among parents that agree).
SET faker.progress = off;  -- no NOTICEs if a slow machine takes over 3 s
\i sql/include/diamond.sql
SELECT * FROM faker_explain('book');
SELECT * FROM faker_populate('book', 10000, 42);
-- integrity: 0 rows each
SELECT count(*) AS author_other_tenant FROM book b
WHERE NOT EXISTS (SELECT 1 FROM author a WHERE a.tenant_id = b.tenant_id AND a.id = b.author_id);
SELECT count(*) AS publisher_other_tenant FROM book b
WHERE publisher_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM publisher p WHERE p.tenant_id = b.tenant_id AND p.id = b.publisher_id);
-- shapes: sizes follow the means (tenants ~ 10000/500, authors ~ 10000/20,
-- publishers ~ 9000/100: each tenant's sub-pool holds max(1, its books /
-- mean), src/dist/subpool.c), null share ~ 10%, reviews ~ 3 per book
SELECT (SELECT count(*) FROM tenant) AS tenants,
       (SELECT count(*) FROM author) BETWEEN 480 AND 520 AS authors_ok,
       (SELECT count(*) FROM publisher) BETWEEN 85 AND 120 AS publishers_ok,
       (SELECT avg((publisher_id IS NULL)::int) FROM book) BETWEEN 0.09 AND 0.11 AS nulls_ok,
       (SELECT count(*) FROM review) / 10000.0 BETWEEN 2.9 AND 3.1 AS reviews_ok,
       (SELECT count(*) FROM book WHERE length(title) > 30 OR length(isbn) <> 13) AS too_long,
       (SELECT count(DISTINCT status) FROM book) AS statuses;
-- the pools hold the keys of what exists, in creation order
SELECT aggregate, size FROM faker_pools WHERE aggregate IN ('tenant', 'author', 'publisher', 'book') ORDER BY aggregate;
SELECT (SELECT size FROM faker_pools WHERE aggregate = 'author') = (SELECT count(*) FROM author) AS author_pool_matches;
-- a second call reuses the pools (and its isbn values stay unique)
SELECT aggregate, created > 0 AS created_some FROM faker_populate('book', 2000, 43) ORDER BY aggregate;
SELECT count(*) = count(DISTINCT isbn) AS isbn_unique FROM book;
-- the same seed over the same starting state gives the same rows: compare
-- with a second database
SELECT md5(string_agg(format('%s|%s|%s|%s|%s|%s', tenant_id, id, author_id, publisher_id, title, isbn), ',' ORDER BY tenant_id, id)) AS h
FROM book WHERE id <= 10000 \gset
CREATE DATABASE regress_faker_determinism;
\c regress_faker_determinism
SET client_min_messages = warning;
CREATE EXTENSION faker;
\i sql/include/diamond.sql
SELECT count(*) FROM faker_populate('book', 10000, 42);
SELECT md5(string_agg(format('%s|%s|%s|%s|%s|%s', tenant_id, id, author_id, publisher_id, title, isbn), ',' ORDER BY tenant_id, id)) = :'h' AS identical
FROM book;
\c contrib_regression
DROP DATABASE regress_faker_determinism;
