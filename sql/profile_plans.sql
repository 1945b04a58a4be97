-- profile_plans: the planner agrees.  The "production" database of
-- profile_roundtrip (sql/include/profile_prod.sql, here 40 tenants, 1840
-- authors, 9374 books, 9375 book tags) and its copy made by
-- faker_populate_profile(p, 1), both ANALYZEd, get the same plans: for each
-- query, EXPLAIN (FORMAT JSON) of the original and of the copy have the
-- same shape (node types, strategies, join types, relations and indexes, in
-- tree order, walked with a recursive CTE) and top-node row estimates
-- within a factor of 2.
-- Deterministic: the data of both sides is fixed (formulas, a fixed seed),
-- every table is under 30000 rows so ANALYZE reads all of it (300 x
-- default_statistics_target 100 rows) and the statistics are exact, and the
-- settings that could change a plan are pinned.
SET faker.progress = off;
SET client_min_messages = warning;
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET default_statistics_target = 100;
SET work_mem = '4MB';
SET random_page_cost = 4;
SET effective_cache_size = '4GB';
\i sql/include/profile_prod.sql
SELECT make_schema('plan_prod'), make_schema('plan_copy');
-- as a production database would, to estimate lookups by the composite
-- author key (without them the planner multiplies the two columns'
-- selectivities and estimates 1 row on both sides)
CREATE STATISTICS plan_prod.book_author_stats (ndistinct, mcv) ON tenant_id, author_id FROM plan_prod.book;
CREATE STATISTICS plan_copy.book_author_stats (ndistinct, mcv) ON tenant_id, author_id FROM plan_copy.book;
SELECT prod_fill('plan_prod', 40);
SELECT relation, created FROM faker_populate_profile(
    faker_profile(NULL, '{"tables": ["plan_prod.%"]}') || '{"schemas": {"plan_prod": "plan_copy"}}', 1, 42);
ANALYZE plan_copy.tenant, plan_copy.author, plan_copy.author_bio, plan_copy.book, plan_copy.tag, plan_copy.book_tag;

-- the plan of query Q (a format() template: %1$I the schema; %2$s the
-- tenant of median book count in that schema, a typical parent; %3$s, %4$s
-- the author with the most books, a hot spot)
CREATE FUNCTION plan_of(s text, q text) RETURNS jsonb LANGUAGE plpgsql AS $f$
DECLARE
    t int;
    at int;
    aa int;
    j jsonb;
BEGIN
    EXECUTE format('SELECT tenant_id FROM %1$I.book GROUP BY 1 ORDER BY count(*), 1
                    OFFSET (SELECT count(DISTINCT tenant_id) / 2 FROM %1$I.book) LIMIT 1', s) INTO t;
    EXECUTE format('SELECT tenant_id, author_id FROM %1$I.book GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1', s)
        INTO at, aa;
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || format(q, s, t, at, aa) INTO j;
    RETURN j->0->'Plan';
END $f$;
-- the shape of a plan: one line per node in tree order, indented by depth
CREATE FUNCTION plan_shape(p jsonb) RETURNS text LANGUAGE sql AS $f$
WITH RECURSIVE n(path, node) AS (
    SELECT ARRAY[1]::int[], p
    UNION ALL
    SELECT n.path || c.i::int, c.node
    FROM n, jsonb_array_elements(n.node->'Plans') WITH ORDINALITY c(node, i)
)
SELECT string_agg(repeat('  ', cardinality(path) - 1) || (node->>'Node Type')
                  || coalesce(' ' || (node->>'Strategy'), '') || coalesce(' ' || (node->>'Join Type'), '')
                  || coalesce(' on ' || (node->>'Relation Name'), '') || coalesce(' using ' || (node->>'Index Name'), ''),
                  E'\n' ORDER BY path)
FROM n
$f$;

CREATE TABLE q (id int PRIMARY KEY, name text, sql text);
INSERT INTO q VALUES
 (1, 'point lookup by FK: a tenant''s books',
  $$SELECT * FROM %1$I.book WHERE tenant_id = %2$s$$),
 (2, 'point lookup by FK: the busiest author''s books',
  $$SELECT * FROM %1$I.book WHERE tenant_id = %3$s AND author_id = %4$s$$),
 (3, 'range scan on a timestamp: two weeks',
  $$SELECT * FROM %1$I.book WHERE published >= '2020-06-01' AND published < '2020-06-15'$$),
 (4, 'range scan on a timestamp: a year',
  $$SELECT * FROM %1$I.book WHERE published >= '2022-01-01' AND published < '2023-01-01'$$),
 (5, 'join of three tables: retired books with author and tenant',
  $$SELECT t.name, a.name, b.title FROM %1$I.tenant t JOIN %1$I.author a ON a.tenant_id = t.id
    JOIN %1$I.book b ON b.tenant_id = a.tenant_id AND b.author_id = a.id WHERE b.status = 'retired'$$),
 (6, 'join through the junction table: tags of drafts',
  $$SELECT b.id, g.label FROM %1$I.book b JOIN %1$I.book_tag bt ON bt.tenant_id = b.tenant_id AND bt.book_id = b.id
    JOIN %1$I.tag g ON g.id = bt.tag_id WHERE b.status = 'draft'$$),
 (7, 'GROUP BY the status column',
  $$SELECT status, count(*) FROM %1$I.book GROUP BY status$$);
CREATE TABLE plans AS
SELECT id, name, plan_of('plan_prod', sql) AS prod, plan_of('plan_copy', sql) AS copy FROM q;

-- the verdicts: same shape, top-node estimates within a factor of 2.  The
-- copy's counts are draws (a tenant's books, an author's, the books of a
-- status: Poisson-like noise of a few percent at these sizes) and its
-- timestamps follow the 21 measured quantiles, linear in between: a
-- two-week window of ~100 rows lands within 40% (measured: 102 vs 66), so
-- a factor of 2 separates a faithful copy from a wrong shape (a plan
-- share drawn at random, a missing skew) without failing on noise.
SELECT id, name, plan_shape(prod) = plan_shape(copy) AS same_shape,
       (prod->>'Plan Rows')::float8 AS prod_rows, (copy->>'Plan Rows')::float8 AS copy_rows,
       (prod->>'Plan Rows')::float8 / (copy->>'Plan Rows')::float8 BETWEEN 0.5 AND 2 AS rows_within_2x
FROM plans ORDER BY id;
-- the plans of the original (the copy's are the same where same_shape)
SELECT id, plan_shape(prod) AS plan FROM plans ORDER BY id;
-- where the shapes differ, both
SELECT id, plan_shape(prod) AS prod, plan_shape(copy) AS copy
FROM plans WHERE plan_shape(prod) <> plan_shape(copy) ORDER BY id;
-- the walk tells plans apart (a check that cannot pass vacuously): the
-- tenant lookup planned without bitmap scans has another shape
SET enable_bitmapscan = off;
SELECT plan_shape(plan_of('plan_copy', q.sql)) <> plan_shape(p.prod) AS differs, plan_shape(plan_of('plan_copy', q.sql)) AS plan
FROM q JOIN plans p USING (id) WHERE id = 1;
RESET enable_bitmapscan;
