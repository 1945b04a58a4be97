-- A small "production" database made with plain SQL (deterministic
-- formulas), included by profile_roundtrip.sql and profile_plans.sql:
-- make_schema(s) makes the DDL in schema s (the original and its empty
-- copies), prod_fill(s, tenants[, books]) fills the original (books: the
-- books of an author of rank 1 in its tenant).  Its shape: a
-- tenant-scoped skew, a composite tenant key, NULL shares, a
-- low-cardinality status, a skewed timestamp, a one-to-one table
-- (author_bio, keyed by its author) and a junction table (book_tag, one row
-- per book and tag).
CREATE OR REPLACE FUNCTION make_schema(s text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
EXECUTE format($ddl$
CREATE SCHEMA %1$I;
CREATE TABLE %1$I.tenant (id serial PRIMARY KEY, name text NOT NULL, plan text NOT NULL);
CREATE TABLE %1$I.author (tenant_id int NOT NULL REFERENCES %1$I.tenant, id serial, name text NOT NULL,
                          email text, PRIMARY KEY (tenant_id, id));
CREATE TABLE %1$I.author_bio (tenant_id int NOT NULL, author_id int NOT NULL, bio text NOT NULL,
                              PRIMARY KEY (tenant_id, author_id),
                              FOREIGN KEY (tenant_id, author_id) REFERENCES %1$I.author);
CREATE TABLE %1$I.book (tenant_id int NOT NULL REFERENCES %1$I.tenant, id serial, author_id int NOT NULL,
                        title text NOT NULL, status text NOT NULL, published timestamptz, price numeric(8,2),
                        PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, author_id) REFERENCES %1$I.author);
CREATE INDEX ON %1$I.book (tenant_id, author_id);
CREATE INDEX ON %1$I.book (published);
CREATE TABLE %1$I.tag (id serial PRIMARY KEY, label text NOT NULL);
CREATE TABLE %1$I.book_tag (tenant_id int NOT NULL, book_id int NOT NULL,
                            tag_id int NOT NULL REFERENCES %1$I.tag,
                            PRIMARY KEY (tenant_id, book_id, tag_id),
                            FOREIGN KEY (tenant_id, book_id) REFERENCES %1$I.book);
$ddl$, s);
END $f$;

CREATE OR REPLACE FUNCTION prod_fill(s text, tenants int, books int DEFAULT 20) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
EXECUTE format($fill$
-- TENANTS tenants, 60%% free, 30%% pro, 10%% enterprise
INSERT INTO %1$I.tenant (name, plan)
SELECT 'Tenant ' || g, CASE WHEN g %% 10 < 6 THEN 'free' WHEN g %% 10 < 9 THEN 'pro' ELSE 'enterprise' END
FROM generate_series(1, %2$s) g;
-- tenant t has 5 + 2t authors; one in five has no email.  Rows arrive
-- interleaved across tenants and authors, as they do over time (a table
-- written in key order has a physical correlation no profile measures, and
-- the planner prefers index scans on it)
INSERT INTO %1$I.author (tenant_id, name, email)
SELECT t, 'Author ' || t || '-' || a, CASE WHEN a %% 5 = 0 THEN NULL ELSE 'a' || t || '_' || a || '@corp.example.com' END
FROM generate_series(1, %2$s) t, generate_series(1, 5 + 2 * t) a
ORDER BY md5(t || '-' || a);
-- three authors in five have a bio (one-to-one)
INSERT INTO %1$I.author_bio (tenant_id, author_id, bio)
SELECT tenant_id, id, 'Bio of ' || name FROM %1$I.author WHERE id %% 5 < 3;
-- the author of rank r in its tenant writes round(BOOKS r^-0.5) books (skew 2
-- inside each tenant); statuses 70/20/10; 15%% unpublished; prices 5-80
INSERT INTO %1$I.book (tenant_id, author_id, title, status, published, price)
SELECT a.tenant_id, a.id, 'Secret Title ' || a.id || ' ' || g,
       CASE WHEN (a.id * 7 + g) %% 10 < 7 THEN 'published' WHEN (a.id * 7 + g) %% 10 < 9 THEN 'draft' ELSE 'retired' END,
       CASE WHEN (a.id + g) %% 20 < 3 THEN NULL
            ELSE timestamptz '2020-01-01 00:00:00+00' + (((a.id * 37 + g * 101) %% 1000) / 1000.0) ^ 2 * interval '1500 days' END,
       CASE WHEN g %% 10 = 3 THEN NULL ELSE 5 + ((a.id * 13 + g * 17) %% 7500) / 100.0 END
FROM (SELECT tenant_id, id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS r FROM %1$I.author) a,
     generate_series(1, round(%3$s * a.r ^ -0.5)::int) g
ORDER BY md5(a.id || '-' || g);
-- 30 tags; books get 0 to 2 distinct tags, popular tags skewed (rank^2)
INSERT INTO %1$I.tag (label) SELECT 'tag-' || g FROM generate_series(1, 30) g;
INSERT INTO %1$I.book_tag (tenant_id, book_id, tag_id)
SELECT b.tenant_id, b.id, 1 + floor(30 * ((((b.id::bigint * 7919 + k * 104729) %% 1000) / 1000.0) ^ 2))::int
FROM %1$I.book b, generate_series(1, b.id %% 3) k
ON CONFLICT DO NOTHING;
ANALYZE %1$I.tenant, %1$I.author, %1$I.author_bio, %1$I.book, %1$I.tag, %1$I.book_tag;
$fill$, s, tenants, books);
END $f$;
