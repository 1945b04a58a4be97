-- profile_roundtrip: a small "production" database made with plain SQL
-- (deterministic formulas: a tenant-scoped skew, a composite tenant key,
-- NULL shares, a low-cardinality status, a skewed timestamp, a junction
-- table), profiled, replayed into empty copies of its schema at scale 1 and
-- 5, and the copies profiled and compared.  Fixed seeds: the figures are
-- exact.  A one-to-one table (an author profile keyed by the author) is left
-- out: faker has no "each parent at most once" reuse, so a copy would
-- violate its primary key once the parents exist.
SET faker.progress = off;
SET client_min_messages = warning;
-- the schema: one DDL, made in three schemas (production and two copies)
CREATE FUNCTION make_schema(s text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
EXECUTE format($ddl$
CREATE SCHEMA %1$I;
CREATE TABLE %1$I.tenant (id serial PRIMARY KEY, name text NOT NULL, plan text NOT NULL);
CREATE TABLE %1$I.author (tenant_id int NOT NULL REFERENCES %1$I.tenant, id serial, name text NOT NULL,
                          email text, PRIMARY KEY (tenant_id, id));
CREATE TABLE %1$I.book (tenant_id int NOT NULL REFERENCES %1$I.tenant, id serial, author_id int NOT NULL,
                        title text NOT NULL, status text NOT NULL, published timestamptz, price numeric(8,2),
                        PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, author_id) REFERENCES %1$I.author);
CREATE TABLE %1$I.tag (id serial PRIMARY KEY, label text NOT NULL);
CREATE TABLE %1$I.book_tag (id serial PRIMARY KEY, tenant_id int NOT NULL, book_id int NOT NULL,
                            tag_id int NOT NULL REFERENCES %1$I.tag,
                            FOREIGN KEY (tenant_id, book_id) REFERENCES %1$I.book);
$ddl$, s);
END $f$;
SELECT make_schema('prod'), make_schema('copy1'), make_schema('copy5');
-- 20 tenants, 60% free, 30% pro, 10% enterprise
INSERT INTO prod.tenant (name, plan)
SELECT 'Tenant ' || g, CASE WHEN g % 10 < 6 THEN 'free' WHEN g % 10 < 9 THEN 'pro' ELSE 'enterprise' END
FROM generate_series(1, 20) g;
-- tenant t has 5 + 2t authors; one in five has no email
INSERT INTO prod.author (tenant_id, name, email)
SELECT t, 'Author ' || t || '-' || a, CASE WHEN a % 5 = 0 THEN NULL ELSE 'a' || t || '_' || a || '@corp.example.com' END
FROM generate_series(1, 20) t, generate_series(1, 5 + 2 * t) a;
-- the author of rank r in its tenant writes round(20 r^-0.5) books (skew 2
-- inside each tenant); statuses 70/20/10; 15% unpublished; prices 5-80
INSERT INTO prod.book (tenant_id, author_id, title, status, published, price)
SELECT a.tenant_id, a.id, 'Secret Title ' || a.id || ' ' || g,
       CASE WHEN (a.id * 7 + g) % 10 < 7 THEN 'published' WHEN (a.id * 7 + g) % 10 < 9 THEN 'draft' ELSE 'retired' END,
       CASE WHEN (a.id + g) % 20 < 3 THEN NULL
            ELSE timestamptz '2020-01-01 00:00:00+00' + (((a.id * 37 + g * 101) % 1000) / 1000.0) ^ 2 * interval '1500 days' END,
       CASE WHEN g % 10 = 3 THEN NULL ELSE 5 + ((a.id * 13 + g * 17) % 7500) / 100.0 END
FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS r FROM prod.author) a,
     generate_series(1, round(20 * a.r ^ -0.5)::int) g;
-- 30 tags; books get 0 to 2 tags, popular tags skewed (rank^2)
INSERT INTO prod.tag (label) SELECT 'tag-' || g FROM generate_series(1, 30) g;
INSERT INTO prod.book_tag (tenant_id, book_id, tag_id)
SELECT b.tenant_id, b.id, 1 + floor(30 * ((((b.id * 7919 + k * 104729) % 1000) / 1000.0) ^ 2))::int
FROM prod.book b, generate_series(1, b.id % 3) k;
ANALYZE prod.tenant, prod.author, prod.book, prod.tag, prod.book_tag;

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
TRUNCATE copy1.tenant, copy1.author, copy1.book, copy1.tag, copy1.book_tag RESTART IDENTITY CASCADE;
SELECT faker_reset();
SELECT relation, created FROM faker_populate_profile(
  faker_profile(NULL, '{"tables": ["prod.%"], "values": false}') || '{"schemas": {"prod": "copy1"}}', 1, 7);
SELECT status, count(*) FROM copy1.book GROUP BY 1 ORDER BY 2 DESC;
