-- dist_errors: bad distributors and arguments are errors naming the key
\set SHOW_CONTEXT never
SELECT * FROM faker_draw('{"weights": [0.5, -0.1]}', 1);
SELECT * FROM faker_draw('{"weights": [0, 0]}', 1);
SELECT * FROM faker_draw('{"weights": []}', 1);
SELECT * FROM faker_draw('{"weights": "heavy"}', 1);
SELECT * FROM faker_draw('{"mean": 0.5}', 1);
SELECT * FROM faker_draw('{"mean": "many"}', 1);
SELECT * FROM faker_draw('{"mean": 1e400}', 1);
SELECT * FROM faker_draw('{"skew": 0.9}', 1);
SELECT * FROM faker_draw('{"null_weight": 1.5}', 1);
SELECT * FROM faker_draw('{"skew": 2, "weights": [1, 1]}', 1);
SELECT * FROM faker_draw('{"mena": 5}', 1);
SELECT * FROM faker_draw('[1, 2]', 1);
SELECT * FROM faker_draw('{}', -1);
SELECT * FROM faker_draw('{}', 1, -5);
SELECT * FROM faker_draw(NULL, 1);
SELECT * FROM faker_counts('{}', 1);
SELECT * FROM faker_counts('{"mean": -1}', 1);
SELECT * FROM faker_counts('{"distribution": "cauchy", "mean": 3}', 1);
SELECT * FROM faker_counts('{"distribution": "pareto", "mean": 3, "alpha": 1}', 1);
SELECT * FROM faker_counts('{"mean": 3, "alpha": 2}', 1);
SELECT * FROM faker_counts('{"min": 5, "max": 2}', 1);
SELECT * FROM faker_counts('{"min": 1}', 1);
SELECT * FROM faker_counts('{"min": 0, "max": 5, "mean": 2}', 1);
SELECT * FROM faker_counts('{"mean": 3}', -1);
\set VERBOSITY sqlstate
SELECT * FROM faker_draw('{"weights": [0, 0]}', 1);
SELECT * FROM faker_counts('{"mean": -1}', 1);
SELECT faker_fit('pg_class', '{nosuchcolumn}');
SELECT faker_fit('pg_class', '{}');
SELECT faker_fit('nosuchtable', '{a}');
