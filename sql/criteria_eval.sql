-- criteria_eval: binding to tables, evaluation in C with the column type's own
-- semantics, SQL translation, and both agreeing row for row
\set VERBOSITY default
CREATE TABLE dq_country (id int PRIMARY KEY, name text NOT NULL, eu boolean);
CREATE TABLE dq_company (id int PRIMARY KEY, name text, active boolean NOT NULL,
  country_id int REFERENCES dq_country, founded date, score numeric(6,2), tags text[]);
CREATE TABLE dq_employee (id int PRIMARY KEY, company_id int REFERENCES dq_company,
  name text, hired date, salary numeric(10,2), "Odd Col" int);
INSERT INTO dq_country VALUES (1, 'France', true), (2, 'Norway', false), (3, 'Japan', NULL);
INSERT INTO dq_company VALUES
  (1, 'A', true, 1, '2000-01-01', 10.5, '{x,y}'), (2, 'B', false, 2, '2010-05-01', 9.75, '{}'),
  (3, 'C', true, 3, '1990-01-01', NULL, NULL), (4, 'D', true, NULL, NULL, 100, '{z,NULL}');
INSERT INTO dq_employee SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE 1 + g % 4 END, 'e' || g,
  date '1989-01-01' + g * 150, g * 1000.5, CASE WHEN g % 3 = 0 THEN NULL ELSE g END
  FROM generate_series(1, 60) g;

-- values: comparisons in the value's own type (dates as dates, numerics as numerics, text by collation)
SELECT faker_query_match('{"$gt": 9}', 10) AS int_gt,
       faker_query_match('{"$gt": "9"}', '10'::text) AS text_gt,
       faker_query_match('{"$gt": "9.5"}', 10.0) AS numeric_gt,
       faker_query_match('{"$gte": "2020-01-01", "$lt": "2021-01-01"}', date '2020-06-01') AS date_range,
       faker_query_match('{"$eq": "1.50"}', 1.5::numeric) AS numeric_eq,
       faker_query_match('{"$in": [1, 2]}', 3) AS not_in,
       faker_query_match('{"$ne": 3}', NULL::int) AS ne_null,
       faker_query_match('{"$not": {"$eq": 3}}', NULL::int) AS not_null,
       faker_query_match('{"$is_null": true}', NULL::int) AS is_null,
       faker_query_match('null', NULL::int) AS eq_null,
       faker_query_match('{"$any": {"$gt": 2}}', ARRAY[1, 3]) AS any_gt,
       faker_query_match('{"$all": {"$gt": 2}}', ARRAY[1, 3]) AS all_gt,
       faker_query_match('{"$all": {"$gt": 2}}', '{}'::int[]) AS all_empty,
       faker_query_match('{"$len": 2}', ARRAY[1, 3]) AS len2,
       faker_query_match('[1, 3]', ARRAY[1, 3]) AS array_eq,
       faker_query_match('{"$or": [{"$lt": 0}, {"$gt": 10}]}', 11) AS or_;

-- rows: evaluation in C and the SQL translation select the same rows
CREATE TABLE dq_cases (n int, q jsonb);
INSERT INTO dq_cases VALUES
  (1, '{"salary": {"$gt": 5000, "$lte": 20000.5}}'),
  (2, '{"hired": {"$not": {"$lt": "2000-01-01"}}, "name": {"$in": ["e1", "e20", "e30"]}}'),
  (3, '{"company_id": {"$rel": {"active": true}}}'),
  (4, '{"company_id": {"$rel": {"active": true, "country_id": {"$rel": {"$or": [{"eu": true}, {"name": "Japan"}]}}}}}'),
  (5, '{"$not": {"company_id": {"$rel": {"country_id": {"$rel": {"eu": false}}}}}}'),
  (6, '{"hired": {"$gte": {"$field": "company_id.founded"}}}'),
  (7, '{"company_id": {"$rel": {"tags": {"$any": "x"}}}}'),
  (8, '{"company_id": {"$rel": {"tags": {"$all": {"$in": ["x", "y", "z"]}}}}}'),
  (9, '{"company_id": {"$rel": {"tags": {"$len": {"$gte": 1}}}}}'),
  (10, '{"company_id": {"$is_null": true}}'),
  (11, '{"Odd Col": {"$ne": 4}}'),
  (12, '{"$or": [{"Odd Col": {"$is_null": true}}, {"salary": {"$lt": {"$field": "Odd Col"}}}]}'),
  (13, '{"company_id": {"$rel": {"score": {"$gte": 10}}}, "id": {"$in": [1, 2, 3, 4, 5, 6]}}'),
  (14, '{"company_id": {"active": false}}'),
  (15, '{"dq_employee_company_id_fkey": {"$rel": {"name": {"$gt": "B"}}}}'),
  (16, '{"company_id": {"$rel": {"tags": {"$any": {"$is_null": true}}}}}'),
  (17, '{"$and": [{"salary": {"$gt": 1000}}, {"salary": {"$lt": 3000}}]}');
SELECT n,
       (SELECT count(*) FROM dq_employee e WHERE faker_query_match(q, e)) AS in_c,
       (SELECT count(*) FROM faker_query_rows('dq_employee', q)) AS in_sql,
       (SELECT count(*) FROM dq_employee e
         WHERE faker_query_match(q, e) <> (e.ctid IN (SELECT faker_query_rows('dq_employee', q)))) AS disagree
  FROM dq_cases ORDER BY n;

-- the SQL: quoted identifiers, values as parameters of the column's type, EXISTS for $rel
SELECT * FROM faker_query_sql('{"Odd Col": 5, "company_id": {"$rel": {"name": "O''Brien", "founded": {"$lt": "2001-02-03"}}}}',
                              'dq_employee', 'e');
SELECT predicate FROM faker_query_sql('{"hired": {"$gte": {"$field": "company_id.founded"}}, "name": {"$ne": {"$field": "Odd Col"}}}', 'dq_employee');
SELECT predicate FROM faker_query_sql('{"company_id": {"$rel": {"tags": {"$all": {"$len": 1}}}}}', 'dq_company');

-- binding errors name the path
SELECT faker_query_sql('{"nope": 1}', 'dq_employee');
SELECT faker_query_sql('{"salary": "abc"}', 'dq_employee');
SELECT faker_query_sql('{"salary": {"$any": 1}}', 'dq_employee');
SELECT faker_query_sql('{"name": {"$rel": {"x": 1}}}', 'dq_employee');
SELECT faker_query_sql('{"company_id": {"$rel": {"nope": 1}}}', 'dq_employee');
SELECT faker_query_sql('{"hired": {"$gt": {"$field": "company_id.nope"}}}', 'dq_employee');
SELECT faker_query_sql('{"hired": {"$gt": {"$field": "nope"}}}', 'dq_employee');
SELECT faker_query_sql('{"$gt": 1}', 'dq_employee');
SELECT faker_query_sql('{"hired": {"$gt": {"$step": "a.id"}}}', 'dq_employee');
SELECT faker_query_match('{"company_id": {"$rel": {"active": "maybe"}}}', e) FROM dq_employee e LIMIT 1;

-- merge: same keeps, fields merge, $rel merges inside, conflicts name both criteria
SELECT faker_query_merge('{"salary": {"$gt": 10}}', '{"salary": {"$gt": 10}}', 'dq_employee');
SELECT faker_query_merge('{"salary": {"$gt": 10}}', '{"name": "x"}', 'dq_employee');
SELECT faker_query_merge('{"salary": {"$gt": 10}}', '{"salary": {"$lt": 20}}', 'dq_employee');
SELECT faker_query_merge('{"company_id": {"$rel": {"active": true}}}',
                         '{"company_id": {"$rel": {"country_id": 1}}}', 'dq_employee');
SELECT faker_query_merge('{"salary": 5}', '{"salary": {"$in": [5, 6]}}', 'dq_employee');
SELECT faker_query_merge('{"salary": 5}', '{"salary": 6}', 'dq_employee');
SELECT faker_query_merge('{"salary": 5}', '{"salary": {"$gt": 6}}', 'dq_employee');
SELECT faker_query_merge('{"salary": {"$gt": 10}}', '{"salary": {"$lte": 10}}', 'dq_employee');
SELECT faker_query_merge('{"salary": {"$is_null": true}}', '{"salary": {"$gt": 1}}', 'dq_employee');
SELECT faker_query_merge('{"salary": {"$in": [1, 2]}}', '{"salary": {"$in": [3]}}', 'dq_employee');
SELECT faker_query_merge('{"company_id": {"$rel": {"active": true}}}',
                         '{"company_id": {"$rel": {"active": false}}}', 'dq_employee');
SELECT faker_query_merge('{"hired": "2020-01-01"}', '{"hired": "2020-01-01T00:00:00"}', 'dq_employee');

-- the SQLSTATE of each kind of binding, evaluation and merge error
\set VERBOSITY sqlstate
SELECT faker_query_sql('{"nope": 1}', 'dq_employee');
SELECT faker_query_sql('{"salary": "abc"}', 'dq_employee');
SELECT faker_query_sql('{"salary": {"$any": 1}}', 'dq_employee');
SELECT faker_query_sql('{"name": {"$rel": {"x": 1}}}', 'dq_employee');
SELECT faker_query_sql('{"hired": {"$gt": {"$field": "nope"}}}', 'dq_employee');
SELECT faker_query_sql('{"$gt": 1}', 'dq_employee');
SELECT faker_query_sql('{"hired": {"$gt": {"$step": "a.id"}}}', 'dq_employee');
SELECT * FROM faker_query_rows('dq_employee', '{"salary": {"$lt": "x"}}');
SELECT faker_query_match('{"$gt": 1}', '{}'::json);
SELECT faker_query_match(NULL, 1);
SELECT faker_query_merge('{"salary": 5}', '{"salary": 6}', 'dq_employee');
SELECT faker_query_merge('{"salary": 5}', '{"salary": 5}', 'no_such_table');
\set VERBOSITY default

DROP TABLE dq_cases, dq_employee, dq_company, dq_country;
