-- demo/report.sql: what was made, and its shape.
\echo '== rows per table'
SELECT 'tenant' AS relation, count(*) FROM tenant
UNION ALL SELECT 'author', count(*) FROM author
UNION ALL SELECT 'publisher', count(*) FROM publisher
UNION ALL SELECT 'book', count(*) FROM book
UNION ALL SELECT 'review', count(*) FROM review;

\echo '== a few books'
SELECT b.tenant_id, b.id, b.title, b.isbn, b.status, b.issued, a.name AS author, a.born
FROM book b JOIN author a USING (tenant_id) WHERE a.id = b.author_id
ORDER BY b.tenant_id, b.id LIMIT 5;

\echo '== share of books held by each quarter of parents, ranked by their number of books'
WITH per_parent AS (
    SELECT 'tenant' AS parent, count(*) AS n FROM book GROUP BY tenant_id
    UNION ALL
    SELECT 'author', count(*) FROM book GROUP BY tenant_id, author_id
    UNION ALL
    SELECT 'publisher', count(*) FROM book WHERE publisher_id IS NOT NULL GROUP BY tenant_id, publisher_id
), ranked AS (
    SELECT parent, n, ntile(4) OVER (PARTITION BY parent ORDER BY n DESC) AS quarter FROM per_parent
)
SELECT parent,
       round(100.0 * sum(n) FILTER (WHERE quarter = 1) / sum(n), 1) AS q1_pct,
       round(100.0 * sum(n) FILTER (WHERE quarter = 2) / sum(n), 1) AS q2_pct,
       round(100.0 * sum(n) FILTER (WHERE quarter = 3) / sum(n), 1) AS q3_pct,
       round(100.0 * sum(n) FILTER (WHERE quarter = 4) / sum(n), 1) AS q4_pct,
       round(avg(n), 1) AS books_per_parent
FROM ranked GROUP BY parent ORDER BY parent;

\echo '== reviews per book by quartile of books'
WITH per_book AS (
    SELECT b.tenant_id, b.id, count(r.id) AS n
    FROM book b LEFT JOIN review r ON r.tenant_id = b.tenant_id AND r.book_id = b.id
    GROUP BY b.tenant_id, b.id
)
SELECT percentile_disc(ARRAY[0.25, 0.5, 0.75, 1.0]) WITHIN GROUP (ORDER BY n) AS quartiles,
       round(avg(n), 2) AS mean_reviews
FROM per_book;

\echo '== integrity: books whose author or publisher belongs to another tenant (must be 0)'
SELECT count(*) AS cross_tenant FROM book b
WHERE NOT EXISTS (SELECT 1 FROM author a WHERE a.tenant_id = b.tenant_id AND a.id = b.author_id);

\echo '== what faker measures on the filled table (faker_fit)'
SELECT 'book.tenant_id' AS reference, faker_fit('book', '{tenant_id}')
UNION ALL SELECT 'book.(tenant_id,author_id)', faker_fit('book', '{tenant_id,author_id}')
UNION ALL SELECT 'book.publisher_id', faker_fit('book', '{publisher_id}');

\echo '== pools'
SELECT * FROM faker_pools ORDER BY 1, 2;
