-- profile_order: the physical order of a table (how well its rows follow
-- an indexed column, pg_stats.correlation) is profiled and reproduced.
-- Production writes each author's books together (key order), so an
-- index scan on author_id is cheap there; faker_populate_profile writes the
-- copy's books in draw order, then CLUSTERs it on the author index, and the
-- planner chooses the same plan on both.  Deterministic: formulas and fixed
-- seeds; tables are small enough that ANALYZE reads every row.
SET faker.progress = off;
SET client_min_messages = notice;
SET max_parallel_workers_per_gather = 0;
SET random_page_cost = 4;
SET effective_cache_size = '4GB';
CREATE FUNCTION order_schema(s text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
EXECUTE format($ddl$
CREATE SCHEMA %1$I;
CREATE TABLE %1$I.author (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE %1$I.book (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES %1$I.author,
                        title text NOT NULL, published timestamptz NOT NULL);
CREATE INDEX book_author_idx ON %1$I.book (author_id);
CREATE INDEX book_published_idx ON %1$I.book (published);
-- written in no particular order: not reordered
CREATE TABLE %1$I.note (id int PRIMARY KEY, body text NOT NULL);
$ddl$, s);
END $f$;
SELECT order_schema('ord_prod'), order_schema('ord_copy'), order_schema('ord_other'), order_schema('ord_role');
INSERT INTO ord_prod.author (name) SELECT 'Author ' || g FROM generate_series(1, 300) g;
-- author a writes 1 + 600/a books, all at once; publication dates spread
INSERT INTO ord_prod.book (author_id, title, published)
SELECT a, 'Title ' || a || '-' || g,
       timestamptz '2020-01-01 00:00:00+00' + ((a * 7919 + g * 104729) % 1000) * interval '1 day'
FROM generate_series(1, 300) a, generate_series(1, 1 + 600 / a) g ORDER BY a, g;
INSERT INTO ord_prod.note SELECT g, 'note ' || g FROM generate_series(1, 500) g ORDER BY md5(g::text);
ANALYZE ord_prod.author, ord_prod.book, ord_prod.note;
-- the profile's measure agrees with the planner's statistics
CREATE TABLE ord_prof AS SELECT faker_profile(NULL, '{"tables": ["ord_prod.%"]}') AS p;
SELECT k AS tbl, v->'fit'->'correlation' AS correlation FROM ord_prof, jsonb_each(p->'tables') t(k, v) ORDER BY 1;
SELECT tablename, attname, round(correlation::numeric, 2) AS pg_stats
FROM pg_stats WHERE schemaname = 'ord_prod' AND attname IN ('id', 'author_id', 'published') ORDER BY 1, 2;
-- the copy: the book table ends in author order (the most off of the
-- columns production had in order), the note table in no order; the
-- clustered-index marks stay as they were (none on book, note_pkey on note)
ALTER TABLE ord_copy.note CLUSTER ON note_pkey;
SELECT relation, created FROM faker_populate_profile((SELECT p || '{"schemas": {"ord_prod": "ord_copy"}}' FROM ord_prof), 1, 42);
SELECT indexrelid::regclass AS index, indisclustered FROM pg_index
WHERE indrelid IN ('ord_copy.book'::regclass, 'ord_copy.note'::regclass) ORDER BY indexrelid::regclass::text;
-- every measure ok but one: a table has one physical order, and the
-- production ids were assigned in author order; the copy's ids were
-- assigned in draw order, then the rows were moved to author order.  The
-- notes, in no order in production, were numbered in the order faker wrote
-- them (0.96), then shuffled by a hash of their key
SELECT object, measure, expected, actual FROM faker_compare((SELECT p || '{"schemas": {"ord_prod": "ord_copy"}}' FROM ord_prof),
    faker_profile(NULL, '{"tables": ["ord_copy.%"]}')) WHERE measure ~ 'order' OR NOT ok ORDER BY 1, 2;
-- the planner agrees: the busiest author's books by an index scan on both
-- sides (a bitmap scan on a copy in draw order)
ANALYZE ord_copy.author, ord_copy.book, ord_copy.note;
EXPLAIN (COSTS OFF) SELECT * FROM ord_prod.book WHERE author_id = 2;
EXPLAIN (COSTS OFF) SELECT * FROM ord_copy.book WHERE author_id = 2;
-- the control: the same profile without the measure fills a copy in draw
-- order, where the planner takes a bitmap scan
SELECT relation, created FROM faker_populate_profile((SELECT jsonb_set(p, '{tables,ord_prod.book,fit}',
    (p->'tables'->'ord_prod.book'->'fit') - 'correlation') || '{"schemas": {"ord_prod": "ord_other"}}' FROM ord_prof), 1, 42);
ANALYZE ord_other.author, ord_other.book;
EXPLAIN (COSTS OFF) SELECT * FROM ord_other.book WHERE author_id = 2;
-- a caller who may fill a table but does not own it: a NOTICE, no reorder
CREATE ROLE regress_faker_order;
GRANT USAGE ON SCHEMA ord_role TO regress_faker_order;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ord_role TO regress_faker_order;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ord_role TO regress_faker_order;
GRANT SELECT ON ord_prof TO regress_faker_order;
SET ROLE regress_faker_order;
SELECT relation, created FROM faker_populate_profile((SELECT p || '{"schemas": {"ord_prod": "ord_role"}}' FROM ord_prof), 1, 42);
RESET ROLE;
-- the profile format: 1, or no "faker_profile" key (a hand-written
-- profile); another is an error naming it
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT faker_populate_profile('{"faker_profile": 2, "tables": {}}');
SELECT * FROM faker_compare('{"tables": {}}', '{"faker_profile": "1", "tables": {}}');
SELECT count(*) FROM faker_compare('{"tables": {}}', '{"faker_profile": 1, "tables": {}}');
DROP OWNED BY regress_faker_order;
DROP ROLE regress_faker_order;
DROP SCHEMA ord_prod, ord_copy, ord_other, ord_role CASCADE;
DROP TABLE ord_prof;
DROP FUNCTION order_schema(text);
