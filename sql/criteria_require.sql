-- criteria_require: "require" in specs and pipes; every row made satisfies it
SET faker.progress = off;
\set VERBOSITY default
CREATE TABLE rq_country (id serial PRIMARY KEY, name text NOT NULL, eu boolean);
CREATE TABLE rq_company (id serial PRIMARY KEY, name text, active boolean NOT NULL,
  country_id int REFERENCES rq_country, founded date);
CREATE TABLE rq_employee (id serial PRIMARY KEY, company_id int NOT NULL REFERENCES rq_company,
  name text, hired date, level int, grade text);
-- rows that exist already: some match the criteria, some do not
INSERT INTO rq_country (name, eu) VALUES ('France', true), ('Norway', false), ('Japan', NULL);
INSERT INTO rq_company (name, active, country_id, founded) VALUES
  ('A', true, 1, '2000-01-01'), ('B', false, 2, '2010-05-01'), ('C', true, 3, '1990-01-01'), ('D', false, 1, '1995-01-01');

SELECT faker_define('rq_country', 'rq_country',
  '{"columns": {"name": {"values": ["France", "Norway", "Japan", "Chile"]}}}');
SELECT faker_define('rq_company', 'rq_company',
  '{"columns": {"founded": {"gen": "date", "min": "1950-01-01", "max": "2020-01-01"}},
    "references": {"country_id": {"mean": 3}}}');

-- only active companies; a three-level cascade with $or inside; a date after the company's founding
SELECT faker_define('rq_employee', 'rq_employee', '{
  "columns": {
    "hired": {"gen": "date", "min": "1940-01-01", "max": "2025-01-01",
              "require": {"$gte": {"$field": "company_id.founded"}}},
    "level": {"gen": "int", "min": 1, "max": 100, "require": {"$gt": 90}},
    "grade": {"values": ["a", "b", "c", "d"], "weights": [1, 1, 1, 7], "require": {"$in": ["a", "b"]}}},
  "references": {"company_id": {"mean": 4,
    "require": {"$rel": {"active": true,
                         "country_id": {"$rel": {"$or": [{"eu": true}, {"name": "Japan"}]}}}}}}}');
SELECT aggregate, created > 0 AS created, reused > 0 AS reused FROM faker_populate('rq_employee', 2000, 11) ORDER BY 1;
SELECT count(*) AS employees,
       count(*) FILTER (WHERE NOT c.active) AS inactive_company,
       count(*) FILTER (WHERE NOT (k.eu IS TRUE OR k.name = 'Japan')) AS wrong_country,
       count(*) FILTER (WHERE e.hired < c.founded) AS hired_before_founded,
       count(*) FILTER (WHERE e.level <= 90) AS low_level,
       count(*) FILTER (WHERE e.grade NOT IN ('a', 'b')) AS wrong_grade,
       count(*) FILTER (WHERE c.id IN (1, 3)) > 0 AS old_companies_reused,
       count(*) FILTER (WHERE c.id IN (2, 4)) AS inactive_old_companies
  FROM rq_employee e JOIN rq_company c ON c.id = e.company_id LEFT JOIN rq_country k ON k.id = c.country_id;
-- the grades keep their relative weights among what is left (a:b = 1:1, both 50%)
-- 2000 rows: sd of a share is 1.1 points, the bound 5 points is > 4 sd
SELECT abs(avg((grade = 'a')::int) - 0.5) < 0.05 AS grade_a_half FROM rq_employee;
-- the same check, by the criteria functions themselves
SELECT count(*) FILTER (WHERE NOT faker_query_match(
  '{"company_id": {"$rel": {"active": true, "country_id": {"$rel": {"$or": [{"eu": true}, {"name": "Japan"}]}}}},
    "hired": {"$gte": {"$field": "company_id.founded"}}}', e)) AS failing
  FROM rq_employee e;

-- determinism: the same seed gives the same rows
CREATE TABLE rq_snapshot AS SELECT * FROM rq_employee;
SELECT faker_reset();
TRUNCATE rq_employee;
DELETE FROM rq_company WHERE id > 4;
DELETE FROM rq_country WHERE id > 3;
SELECT setval('rq_company_id_seq', 4), setval('rq_country_id_seq', 3), setval('rq_employee_id_seq', 1, false);
SELECT count(*) FROM faker_populate('rq_employee', 2000, 11);
SELECT count(*) AS differing FROM (SELECT * FROM rq_employee EXCEPT SELECT * FROM rq_snapshot) d;

-- errors found at faker_define: the path names the culprit, nothing is defined
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "min": 1, "max": 10, "require": {"$gt": 10}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"grade": {"values": ["a", "b"], "require": {"$in": ["c"]}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"grade": {"const": "z", "require": "y"}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "require": {"$gt": "high"}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "require": {"$gt": {"$field": "nope"}}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "require": {"$gt": {"$field": "grade"}}},
                                                             "grade": {"gen": "word", "require": {"$ne": {"$field": "level"}}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"references": {"company_id": {"require": {"$gt": 3}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"references": {"company_id": {"require": {"$rel": {"colour": "red"}}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"references": {"company_id": {"require": {"$rel": {"active": {"$bogus": 1}}}}}}');
SELECT count(*) FROM faker.aggregate WHERE name = 'rq_bad';

-- errors found while populating roll everything back
SELECT faker_define('rq_bad', 'rq_employee',
  '{"columns": {"name": {"gen": "word", "require": {"$gt": "zzzz"}}}}');
SELECT count(*) FROM rq_employee \gset before_
SELECT * FROM faker_populate('rq_bad', 10, 1);
SELECT faker_define('rq_bad', 'rq_employee',
  '{"columns": {"grade": {"gen": "word"}, "name": {"gen": "word", "require": {"$lt": {"$field": "company_id.founded"}}}}}');
SELECT * FROM faker_populate('rq_bad', 10, 1);
SELECT count(*) - :before_count AS rows_left_behind FROM rq_employee;

-- a $field equality copies the other column
SELECT faker_define('rq_copy', 'rq_employee',
  '{"columns": {"name": {"gen": "word", "require": {"$eq": {"$field": "grade"}}}, "grade": {"gen": "word"}}}');
SELECT count(*) FROM faker_populate('rq_copy', 50, 2);
SELECT count(*) FILTER (WHERE name IS DISTINCT FROM grade) AS differ FROM rq_employee WHERE id > :before_count;

-- diamonds: criteria of two paths on a shared tenant are merged before it is chosen
CREATE TABLE rq_tenant (id serial PRIMARY KEY, plan text NOT NULL);
CREATE TABLE rq_author (tenant_id int NOT NULL REFERENCES rq_tenant, id serial, PRIMARY KEY (tenant_id, id));
CREATE TABLE rq_publisher (tenant_id int NOT NULL REFERENCES rq_tenant, id serial, PRIMARY KEY (tenant_id, id));
CREATE TABLE rq_book (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES rq_tenant,
  author_id int NOT NULL, publisher_id int NOT NULL,
  FOREIGN KEY (tenant_id, author_id) REFERENCES rq_author,
  FOREIGN KEY (tenant_id, publisher_id) REFERENCES rq_publisher);
SELECT faker_define('rq_tenant', 'rq_tenant', '{"columns": {"plan": {"values": ["free", "pro", "enterprise"]}}}');
SELECT faker_define('rq_book', 'rq_book', '{"references": {
  "rq_book_tenant_id_fkey": {"mean": 50},
  "rq_book_tenant_id_author_id_fkey": {"mean": 5, "require": {"$rel": {"tenant_id": {"$rel": {"plan": {"$in": ["pro", "enterprise"]}}}}}},
  "rq_book_tenant_id_publisher_id_fkey": {"mean": 10, "require": {"$rel": {"tenant_id": {"$rel": {"plan": {"$ne": "enterprise"}}}}}}}}');
SELECT aggregate, created > 0 AS created FROM faker_populate('rq_book', 1000, 3) ORDER BY 1;
SELECT t.plan, count(*) > 0 AS books FROM rq_book b JOIN rq_tenant t ON t.id = b.tenant_id GROUP BY 1 ORDER BY 1;
-- conflicting paths: an error at faker_define naming both criteria
SELECT faker_define('rq_book_bad', 'rq_book', '{"references": {
  "rq_book_tenant_id_fkey": {"mean": 50},
  "rq_book_tenant_id_author_id_fkey": {"require": {"$rel": {"tenant_id": {"$rel": {"plan": "pro"}}}}},
  "rq_book_tenant_id_publisher_id_fkey": {"require": {"$rel": {"tenant_id": {"$rel": {"plan": "free"}}}}}}}');
SELECT faker_define('rq_book_bad', 'rq_book', '{"references": {
  "rq_book_tenant_id_fkey": {"mean": 50, "require": {"$rel": {"id": 1}}},
  "rq_book_tenant_id_author_id_fkey": {"require": {"$rel": {"tenant_id": 2}}}}}');

-- pipes: a step's require may read earlier steps ($step); it holds on every
-- row.  A company the employee's own reference excludes (inactive) would
-- make a row its definition forbids: an error, never a silently wrong row.
\set VERBOSITY terse
SELECT * FROM faker_pipe('[{"name": "company", "aggregate": "rq_company", "mean": 5},
  {"name": "employee", "aggregate": "rq_employee", "mean": 2,
   "require": {"company_id": {"$step": "company.id"}}}]', 500, 5) AS j;
\set VERBOSITY default
CREATE TEMP TABLE rq_feed AS
SELECT * FROM faker_pipe('[{"name": "company", "aggregate": "rq_company", "mean": 5,
   "require": {"active": true, "country_id": {"$rel": {"$or": [{"eu": true}, {"name": "Japan"}]}}}},
  {"name": "employee", "aggregate": "rq_employee", "mean": 2,
   "require": {"company_id": {"$step": "company.id"}, "level": {"$gte": 95}}}]', 500, 5) AS j;
SELECT count(*) AS iterations,
       count(*) FILTER (WHERE (j->>'company')::int = e.company_id) AS same_company,
       count(*) FILTER (WHERE e.level >= 95) AS high_level
  FROM rq_feed f(j) JOIN rq_employee e ON e.id = (j->>'employee')::int;
SELECT * FROM faker_pipe('[{"name": "e", "aggregate": "rq_employee", "require": {"company_id": {"$step": "later.id"}}},
                           {"name": "later", "aggregate": "rq_company"}]', 1);
SELECT * FROM faker_pipe('[{"name": "c", "aggregate": "rq_company"},
                           {"name": "e", "aggregate": "rq_employee", "require": {"company_id": {"$step": "c.name"}}}]', 1);
SELECT * FROM faker_pipe('[{"name": "e", "aggregate": "rq_employee", "require": {"$oops": 1}}]', 1);

-- the SQLSTATE of each kind of require error
\set VERBOSITY sqlstate
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "min": 1, "max": 10, "require": {"$gt": 10}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "require": {"$gt": "high"}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"level": {"gen": "int", "require": {"$gt": {"$field": "grade"}}},
                                                             "grade": {"gen": "word", "require": {"$ne": {"$field": "level"}}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"references": {"company_id": {"require": {"$gt": 3}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"references": {"company_id": {"require": {"$rel": {"colour": "red"}}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"references": {"company_id": {"require": {"$rel": {"active": {"$bogus": 1}}}}}}');
SELECT faker_define('rq_bad', 'rq_employee', '{"columns": {"name": {"gen": "word", "require": {"$gt": "zzzz"}}}}');
SELECT * FROM faker_populate('rq_bad', 10, 1);
CREATE TABLE rq_strict (id serial PRIMARY KEY, label text NOT NULL);
SELECT faker_define('rq_strict', 'rq_strict', '{"columns": {"label": {"gen": "word", "require": {"$is_null": true}}}}');
SELECT * FROM faker_populate('rq_strict', 1, 1);
DROP TABLE rq_strict;
SELECT * FROM faker_pipe('[{"name": "e", "aggregate": "rq_employee", "require": {"company_id": {"$step": "later.id"}}},
                           {"name": "later", "aggregate": "rq_company"}]', 1);
SELECT * FROM faker_pipe('[{"name": "c", "aggregate": "rq_company"},
                           {"name": "e", "aggregate": "rq_employee", "require": {"company_id": {"$step": "c.name"}}}]', 1);
\set VERBOSITY default

SELECT faker_reset();
SELECT count(faker_undefine(name)) FROM faker.aggregate WHERE name LIKE 'rq\_%';
DROP TABLE rq_snapshot, rq_book, rq_author, rq_publisher, rq_tenant, rq_employee, rq_company, rq_country;
