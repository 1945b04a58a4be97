-- criteria_parse: every operator parses and normalises; syntax errors carry the JSON path
\set VERBOSITY default
SELECT faker_query_parse(q) FROM (VALUES
  ('5'::jsonb), ('"x"'), ('null'), ('true'),
  ('{"$eq": 5}'), ('{"$eq": {"a": 1}}'), ('{"$eq": {"$gt": 1}}'),
  ('{"$ne": "x"}'), ('{"$gt": 1}'), ('{"$gte": 1.5}'), ('{"$lt": "2020-01-01"}'), ('{"$lte": 9}'),
  ('{"$gt": 5, "$lt": 10}'), ('{"$in": [1, 2, 3]}'), ('{"$is_null": true}'),
  ('{"$not": {"$in": ["a"]}}'), ('{"$or": [{"$lt": 0}, {"$gt": 10}]}'), ('{"$or": [5]}'),
  ('{"$and": [{"$gt": 1}, {"$gt": 2}]}'),
  ('{"a": 1, "b": {"$ne": 2}}'), ('{"fk": {"$rel": {"status": "active", "g": {"$rel": {"x": 1}}}}}'),
  ('{"$any": "x"}'), ('{"$all": {"$gt": 0}}'), ('{"$len": {"$gte": 2}}'), ('{"$eq": [1, 2]}'),
  ('{"$gte": {"$field": "author_id.born"}}'), ('{"$field": "other"}'), ('{"a": {"$step": "s.id"}}')
) AS t(q);

-- errors, each with the path of the culprit
SELECT faker_query_parse('{}');
SELECT faker_query_parse('{"a": {}}');
SELECT faker_query_parse('{"a": {"$regex": "x"}}');
SELECT faker_query_parse('{"a": 1, "$gt": 2}');
SELECT faker_query_parse('{"a": {"$gt": 1, "b": 2}}');
SELECT faker_query_parse('{"a": {"$in": 5}}');
SELECT faker_query_parse('{"a": {"$in": []}}');
SELECT faker_query_parse('{"a": {"$in": [1, null]}}');
SELECT faker_query_parse('{"a": {"$is_null": "yes"}}');
SELECT faker_query_parse('{"a": {"$or": {"b": 1}}}');
SELECT faker_query_parse('{"a": {"$or": []}}');
SELECT faker_query_parse('{"a": {"$rel": 5}}');
SELECT faker_query_parse('{"a": {"$rel": {"$gt": 1}}}');
SELECT faker_query_parse('{"a": {"$gt": null}}');
SELECT faker_query_parse('{"a": {"$gt": {"b": 1}}}');
SELECT faker_query_parse('{"a": {"$gt": {"$field": 5}}}');
SELECT faker_query_parse('{"a": {"$eq": {"$step": "nodot"}}}');
SELECT faker_query_parse('{"a": {"$eq": [1, [2]]}}');
SELECT faker_query_parse('{"a": {"$or": [{"b": {"$not": {"$unknown": 1}}}]}}');

-- the SQLSTATE of each kind of syntax error
\set VERBOSITY sqlstate
SELECT faker_query_parse('{}');
SELECT faker_query_parse('{"a": {"$regex": "x"}}');
SELECT faker_query_parse('{"a": 1, "$gt": 2}');
SELECT faker_query_parse('{"a": {"$in": 5}}');
SELECT faker_query_parse('{"a": {"$in": [1, null]}}');
SELECT faker_query_parse('{"a": {"$is_null": "yes"}}');
SELECT faker_query_parse('{"a": {"$gt": {"b": 1}}}');
SELECT faker_query_parse('{"a": {"$eq": {"$step": "nodot"}}}');
\set VERBOSITY default
