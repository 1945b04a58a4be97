-- model_subpool: draws inside sub-pools are planned (src/dist/subpool.c;
-- docs/design.md, "Sub-pool planning"): a composite key's narrower part,
-- a reference's criteria, a pipe step's $step.  A book's author is drawn among the
-- authors of the book's tenant (a composite key), its publisher among the
-- tenant's publishers.  The same 200,000 books (about 200 tenants) are made
-- in 1 call, 20 calls of 10,000 and 200 calls of 1,000; each way must end
-- in the same shape:
--   * authors inside each tenant: skew 2 (faker_fit within tenant_id);
--   * authors per tenant: the weights of the authors' own reference to the
--     tenant, [0.4, 0.3, 0.2, 0.1] (faker_fit on author), while the overall
--     mean of 20 books an author holds;
--   * publishers (no reference spec of their own, so each tenant's
--     sub-pool keeps the mean of 200): one per tenant that has non-null
--     publishers and mean 200 elsewhere, the least the tenants allow.
-- The seeds are fixed, so the figures printed are exact; the tolerances
-- below say why they would hold for any seed (about 6 s in all).
SET faker.progress = off;
SET client_min_messages = warning;
CREATE TABLE sp_tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE sp_author (tenant_id int NOT NULL REFERENCES sp_tenant, id serial, name text NOT NULL,
                        PRIMARY KEY (tenant_id, id));
CREATE TABLE sp_publisher (tenant_id int NOT NULL REFERENCES sp_tenant, id serial, name text NOT NULL,
                           PRIMARY KEY (tenant_id, id));
CREATE TABLE sp_book (tenant_id int NOT NULL REFERENCES sp_tenant, id serial, author_id int NOT NULL,
                      publisher_id int, title text NOT NULL, PRIMARY KEY (tenant_id, id),
                      FOREIGN KEY (tenant_id, author_id) REFERENCES sp_author,
                      FOREIGN KEY (tenant_id, publisher_id) REFERENCES sp_publisher);
SELECT faker_define('sp_tenant', 'sp_tenant', '{"columns": {"name": {"gen": "company"}}}');
SELECT faker_define('sp_author', 'sp_author', '{
  "columns": {"name": {"gen": "name"}},
  "references": {"sp_author_tenant_id_fkey": {"weights": [0.4, 0.3, 0.2, 0.1]}}}');
SELECT faker_define('sp_publisher', 'sp_publisher', '{"columns": {"name": {"gen": "company"}}}');
SELECT faker_define('sp_book', 'sp_book', '{
  "columns": {"title": {"gen": "sentence", "words": 3}},
  "references": {"sp_book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 1000},
                 "sp_book_tenant_id_author_id_fkey": {"skew": 2, "mean": 20},
                 "sp_book_tenant_id_publisher_id_fkey": {"mean": 200, "null_weight": 0.1}}}');

-- One way of making the books: CALLS calls of ROWS books each (seeds 1..),
-- from empty tables; one row of measures.
CREATE TABLE sp_result (calls int, books bigint, tenants bigint, authors bigint, author_skew float8,
                        author_weights float8[], publishers bigint, least_publishers float8);
CREATE FUNCTION sp_measure(calls int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sp_result
  SELECT calls, (SELECT count(*) FROM sp_book), (SELECT count(*) FROM sp_tenant), (SELECT count(*) FROM sp_author),
         (faker_fit('sp_book', '{tenant_id,author_id}', '{tenant_id}')->>'skew')::float8,
         (SELECT array_agg(w::float8) FROM jsonb_array_elements_text(faker_fit('sp_author', '{tenant_id}')->'weights') w),
         (SELECT count(*) FROM sp_publisher),
         -- the least: each tenant with non-null publishers needs one, and
         -- holds max(1, its non-null books / 200)
         (SELECT sum(greatest(1, n / 200.0)) FROM (SELECT count(publisher_id) AS n FROM sp_book GROUP BY tenant_id) t
          WHERE n > 0)
$$;
CREATE FUNCTION sp_start() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE sp_book, sp_author, sp_publisher, sp_tenant RESTART IDENTITY;
  PERFORM faker_reset();
END $$;

-- each call its own statement (and transaction), as a client makes them
\set ECHO none
\o /dev/null
SELECT sp_start();
SELECT * FROM faker_populate('sp_book', 200000, 1);
SELECT sp_measure(1);
SELECT sp_start();
SELECT format('SELECT * FROM faker_populate(%L, 10000, %s)', 'sp_book', g) FROM generate_series(1, 20) g \gexec
SELECT sp_measure(20);
SELECT sp_start();
SELECT format('SELECT * FROM faker_populate(%L, 1000, %s)', 'sp_book', g) FROM generate_series(1, 200) g \gexec
SELECT sp_measure(200);
\o
\set ECHO all

-- the figures (exact with these seeds)
SELECT calls, books, tenants, authors, round(author_skew::numeric, 2) AS author_skew,
       (SELECT array_agg(round(w::numeric, 3)) FROM unnest(author_weights) w) AS author_weights,
       publishers, round(least_publishers::numeric, 1) AS least_publishers
FROM sp_result ORDER BY calls;
-- the bars:
--   * skew_ok: 2 +-15% (the issue's bar).  Each tenant's authors end at
--     their targets to within one book (every draw takes a member short of
--     its target), so what is left is the fit's own error over 50 authors
--     a tenant on average, a few percent;
--   * weights_ok: each rank group of tenants within 3 points of
--     [0.4, 0.3, 0.2, 0.1].  A tenant's author count is its share of the
--     authors planned by the end of the call, rounded by the creation
--     phases (within one author): 50 tenants a group over 10,000 authors,
--     half a point a group at most.  The rest comes from the calls: a
--     tenant never loses authors, so the oldest keep what an earlier call's
--     share gave them, and once the pool holds 1% more than planned only
--     empty sub-pools create, which the youngest (smallest) group pays:
--     about 2 points in 20 calls;
--   * authors_ok: the mean of 20 holds to 5%: the 1% cap above, plus the
--     first author of each tenant created late in a call (about 1%);
--   * publishers_ok: within 5% of the least achievable (the issue's bar;
--     each tenant's count is max(1, D/200) on average, so the sum is the
--     least to within a few publishers of rounding).
SELECT calls,
       author_skew BETWEEN 1.7 AND 2.3 AS skew_ok,
       (SELECT bool_and(abs(author_weights[i] - (ARRAY[0.4, 0.3, 0.2, 0.1])[i]) <= 0.03)
        FROM generate_series(1, 4) i) AS weights_ok,
       abs(authors - books / 20.0) <= 0.05 * books / 20.0 AS authors_ok,
       abs(publishers - least_publishers) <= 0.05 * least_publishers AS publishers_ok
FROM sp_result ORDER BY calls;
-- integrity: every book's author and publisher belong to its tenant (0)
SELECT count(*) AS cross_tenant FROM sp_book b
WHERE NOT EXISTS (SELECT 1 FROM sp_author a WHERE a.tenant_id = b.tenant_id AND a.id = b.author_id)
   OR (publisher_id IS NOT NULL AND
       NOT EXISTS (SELECT 1 FROM sp_publisher p WHERE p.tenant_id = b.tenant_id AND p.id = b.publisher_id));

-- Sub-pools of criteria: orders of VIP customers only (a "require" on the
-- reference), over 3,000 customers made first (about 900 VIPs, no orders
-- yet), in 20 calls of 2,000.  The filtered pool holds max(1, D/20)
-- values by the end (the VIPs already there count, so about 1,100 more
-- are made, not 2,000), and the skew 2 holds inside it.  Bars: the mean of 20 within 5%
-- (the creation phases round without bias: a few customers either way),
-- the skew within 15% (2,000 customers, each within one order of target).
CREATE TABLE sp_cust (id serial PRIMARY KEY, vip boolean NOT NULL);
CREATE TABLE sp_ord (id serial PRIMARY KEY, cust_id int NOT NULL REFERENCES sp_cust);
SELECT faker_define('sp_cust', 'sp_cust', '{"columns": {"vip": {"values": [true, false], "weights": [0.3, 0.7]}}}');
SELECT faker_define('sp_ord', 'sp_ord', '{"references": {"sp_ord_cust_id_fkey":
  {"skew": 2, "mean": 20, "require": {"$rel": {"vip": true}}}}}');
SELECT created FROM faker_populate('sp_cust', 3000, 1);
\set ECHO none
\o /dev/null
SELECT format('SELECT * FROM faker_populate(%L, 2000, %s)', 'sp_ord', g) FROM generate_series(1, 20) g \gexec
\o
\set ECHO all
SELECT (SELECT count(*) FROM sp_cust) AS customers, (SELECT count(*) FROM sp_cust WHERE vip) AS vips,
       round((f->>'mean')::numeric, 2) AS mean, round((f->>'skew')::numeric, 2) AS skew,
       abs((f->>'mean')::float8 - 20) <= 1 AS mean_ok, abs((f->>'skew')::float8 - 2) <= 0.3 AS skew_ok,
       (SELECT count(*) FROM sp_ord o JOIN sp_cust c ON c.id = o.cust_id WHERE NOT c.vip) AS not_vip
FROM (SELECT faker_fit('sp_ord', '{cust_id}') AS f) x;

-- Sub-pools of $step: a pipe step's author among the authors of the
-- tenant the step before chose, 40,000 iterations.  Bars as above: mean
-- 10 within 5%, skew 2 within 15% inside each tenant (about 20 authors a
-- tenant, each within one pick of its target).
CREATE TABLE sp_picks (tenant_id int, author_id int);
SELECT sp_start();
INSERT INTO sp_picks SELECT (p->'a'->>'tenant_id')::int, (p->'a'->>'id')::int FROM faker_pipe('[
  {"name": "t", "aggregate": "sp_tenant", "mean": 200},
  {"name": "a", "aggregate": "sp_author", "mean": 10, "skew": 2, "require": {"tenant_id": {"$step": "t.id"}}}]', 40000, 7) p;
SELECT (SELECT count(*) FROM sp_tenant) AS tenants, (SELECT count(*) FROM sp_author) AS authors,
       round((f->>'mean')::numeric, 2) AS mean, round((f->>'skew')::numeric, 2) AS skew,
       abs((f->>'mean')::float8 - 10) <= 0.5 AS mean_ok, abs((f->>'skew')::float8 - 2) <= 0.3 AS skew_ok
FROM (SELECT faker_fit('sp_picks', '{tenant_id,author_id}', '{tenant_id}') AS f) x;
DROP TABLE sp_ord, sp_cust, sp_picks;
SELECT faker_undefine('sp_ord'), faker_undefine('sp_cust');
DROP TABLE sp_book, sp_author, sp_publisher, sp_tenant, sp_result;
DROP FUNCTION sp_measure(int), sp_start();
SELECT faker_undefine('sp_book'), faker_undefine('sp_author'), faker_undefine('sp_publisher'), faker_undefine('sp_tenant');
