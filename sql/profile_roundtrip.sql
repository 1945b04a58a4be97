-- profile_roundtrip: a small "production" database made with plain SQL
-- (deterministic formulas: a tenant-scoped skew, a composite tenant key,
-- NULL shares, a low-cardinality status, a skewed timestamp, a one-to-one
-- table and a junction table), profiled, replayed into empty copies of its
-- schema at scale 1 and 5, and the copies profiled and compared.  Fixed
-- seeds: the figures are exact.
SET faker.progress = off;
SET client_min_messages = warning;
-- the schema (sql/include/profile_prod.sql): one DDL, made in three
-- schemas (production and two copies)
\i sql/include/profile_prod.sql
SELECT make_schema('prod'), make_schema('copy1'), make_schema('copy5');
SELECT prod_fill('prod', 20);
CREATE TABLE prof AS SELECT faker_profile(NULL, '{"tables": ["prod.%"]}') AS p;
SELECT k AS tbl, (v->>'rows')::int AS rows, v->'spec'->'references' AS refs
FROM prof, jsonb_each(p->'tables') t(k, v) ORDER BY 1;
SELECT k AS tbl, c AS col, cs
FROM prof, jsonb_each(p->'tables') t(k, v), jsonb_each(v->'spec'->'columns') x(c, cs)
WHERE c <> 'published' ORDER BY 1, 2;
SELECT k AS tbl, v->'children' AS children FROM prof, jsonb_each(p->'tables') t(k, v) ORDER BY 1;
-- scale 1 and 5 into the copies (the "schemas" key maps prod to a copy)
SELECT * FROM faker_populate_profile((SELECT p || '{"schemas": {"prod": "copy1"}}' FROM prof), 1, 42);
SELECT * FROM faker_populate_profile((SELECT p || '{"schemas": {"prod": "copy5"}}' FROM prof), 5, 42);
-- the copies measured against the original: every measure, then a summary
SELECT * FROM faker_compare((SELECT p || '{"schemas": {"prod": "copy1"}}' FROM prof),
                            faker_profile(NULL, '{"tables": ["copy1.%"]}'));
SELECT object, measure, expected, actual
FROM faker_compare((SELECT p || '{"schemas": {"prod": "copy5"}, "scale": 5}' FROM prof),
                   faker_profile(NULL, '{"tables": ["copy5.%"]}'))
WHERE NOT ok;
SELECT count(*) AS measures, count(*) FILTER (WHERE ok) AS ok
FROM faker_compare((SELECT p || '{"schemas": {"prod": "copy5"}, "scale": 5}' FROM prof),
                   faker_profile(NULL, '{"tables": ["copy5.%"]}'));
-- shape only: no planted value (titles, emails, names, statuses, tag
-- labels, dates, prices) appears in a "values": false profile
CREATE TABLE planted (v text);
INSERT INTO planted VALUES ('Secret Title'), ('corp.example.com'), ('Author 3'), ('Tenant 1'), ('retired'),
  ('draft'), ('enterprise'), ('tag-1'), ('2020-01-01'), ('2024'), ('72.9'), ('5.3');
SELECT v, strpos(p::text, v) > 0 AS in_profile,
       strpos(faker_profile(NULL, '{"tables": ["prod.%"], "values": false}')::text, v) > 0 AS in_shape_only
FROM prof, planted ORDER BY v;
-- a shape-only profile still fills: labels in place of the text values
TRUNCATE copy1.tenant, copy1.author, copy1.author_bio, copy1.book, copy1.tag, copy1.book_tag RESTART IDENTITY CASCADE;
SELECT faker_reset();
SELECT relation, created FROM faker_populate_profile(
  faker_profile(NULL, '{"tables": ["prod.%"], "values": false}') || '{"schemas": {"prod": "copy1"}}', 1, 7);
SELECT status, count(*) FROM copy1.book GROUP BY 1 ORDER BY 2 DESC;
