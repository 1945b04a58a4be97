-- profile_fit: faker_fit inside groups (within).  A tenant-scoped shape:
-- tenant t has 10 + 5t authors, the author of rank r in its tenant writes
-- round(50 r^-0.5) books (a power law of skew 2 inside every tenant), and
-- one book in ten has no author.  Over the whole table the tenants' sizes
-- mix; inside the tenants the fit reads the skew asked (within 15%).
-- (in a schema of its own: other suites leave tables of these names)
CREATE SCHEMA profile_fit;
SET search_path = profile_fit, public;
CREATE TABLE tenant (id int PRIMARY KEY);
CREATE TABLE author (tenant_id int REFERENCES tenant, id int, PRIMARY KEY (tenant_id, id));
CREATE TABLE book (tenant_id int NOT NULL REFERENCES tenant, id serial, author_id int,
   PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, author_id) REFERENCES author);
INSERT INTO tenant SELECT g FROM generate_series(1, 20) g;
INSERT INTO author SELECT t, a FROM generate_series(1, 20) t, generate_series(1, 10 + 5 * t) a;
INSERT INTO book (tenant_id, author_id)
SELECT a.tenant_id, CASE WHEN g % 10 = 0 THEN NULL ELSE a.id END
FROM author a, generate_series(1, round(50 * a.id ^ -0.5)::int) g;
-- pooled inside the tenants: deterministic data, so exact figures
SELECT key, round(value::numeric, 4) AS value
FROM jsonb_each_text(faker_fit('book', '{tenant_id, author_id}', '{tenant_id}') - 'weights')
ORDER BY key;
SELECT round(w::numeric, 4) AS weight
FROM jsonb_array_elements_text(faker_fit('book', '{tenant_id, author_id}', '{tenant_id}')->'weights') w;
WITH f AS (SELECT faker_fit('book', '{tenant_id, author_id}', '{tenant_id}') AS f)
SELECT abs((f->>'skew')::float8 / 2 - 1) <= 0.15 AS skew_ok, (f->>'groups')::int = 1250 AS all_authors,
       (f->>'within_groups')::int AS tenants
FROM f;
-- the rank-group weights are the per-tenant quarter shares pooled: each
-- author's books count in the quarter of its own tenant's ranks
WITH a AS (SELECT tenant_id, author_id, count(*) AS n,
                  row_number() OVER (PARTITION BY tenant_id ORDER BY count(*) DESC, author_id) AS r,
                  count(*) OVER (PARTITION BY tenant_id) AS g
           FROM book WHERE author_id IS NOT NULL GROUP BY 1, 2)
SELECT least(3, (r - 1) * 4 / g) AS quarter, round(sum(n) / (SELECT sum(n) FROM a), 4) AS share
FROM a GROUP BY 1 ORDER BY 1;
-- without within (or with NULL) nothing changes: the two-argument figures
SELECT faker_fit('book', '{tenant_id}') = faker_fit('book', '{tenant_id}', NULL) AS same,
       faker_fit('book', '{tenant_id}') ? 'within_groups' AS has_within_groups;
SELECT faker_fit(NULL, '{tenant_id}') IS NULL AS null_relation, faker_fit('book', NULL) IS NULL AS null_columns;
-- a NULL within group is a group of its own; a row is null when its
-- columns outside within are all NULL
CREATE TABLE w (g int, k int);
INSERT INTO w VALUES (1, 1), (1, 1), (1, 2), (NULL, 3), (NULL, 3), (NULL, 4), (2, NULL);
SELECT faker_fit('w', '{k}', '{g}') - 'r2' - 'skew' AS fit;
-- errors name the culprit
SELECT faker_fit('book', '{tenant_id}', '{tenant_id}');
SELECT faker_fit('book', '{tenant_id}', '{nope}');
SELECT faker_fit('book', '{tenant_id}', '{}');
SELECT faker_fit('book', '{tenant_id}', '{NULL}');
