-- gen_errors: every bad argument is an ERROR with SQLSTATE naming the culprit
\set VERBOSITY sqlstate
\set SHOW_CONTEXT never
SELECT faker_int(10, 1);
SELECT faker_numeric(5, 1);
SELECT faker_numeric(0, 1, 20);
SELECT faker_float(2, 1);
SELECT faker_bool(1.5);
SELECT faker_digits(-1);
SELECT faker_string(-1, 5);
SELECT faker_string(9, 5);
SELECT faker_words(0);
SELECT faker_date('2020-01-02', '2020-01-01');
SELECT faker_choice('{}');
SELECT faker_choice('{a,b}', '{1}');
SELECT faker_choice('{a,b}', '{0,0}');
SELECT faker_choice('{a,b}', '{-1,2}');
SELECT faker_generate('nosuch', '{}');
SELECT faker_generate('int', '{"min": "x"}');
SELECT faker_generate('int', '{"min": 1.5}');
SELECT faker_generate('date', '{"min": "yesterday-ish"}');
SELECT faker_generate('date', '{"min": 5}');
SELECT faker_generate('int', '[]');
\set VERBOSITY default
SELECT faker_int(10, 1);
SELECT faker_generate('nosuch', '{}');
SELECT faker_generate('digits', '{"length": "x"}');
-- integers are checked as numerics: a fraction a double would round away
-- is not an integer, and numbers beyond the double range are errors
-- naming the key, not float8's own
SELECT faker_generate('words', '{"n": 2.0000000000000001}');
SELECT faker_generate('words', '{"n": 1e400}');
SELECT faker_generate('int', '{"min": 1e-400}');
SELECT faker_generate('int', '{"max": 9223372036854775808}');
SELECT faker_generate('float', '{"min": 1e400}');
SELECT faker_generate('float', '{"max": -1e400}');
-- and what is an integer or a number is accepted: 3.0, a tiny fraction
SELECT length(faker_generate('digits', '{"length": 3.0}')) AS three_digits;
SELECT faker_generate('float', '{"min": 1e-400, "max": 1e-400}') AS underflow_is_zero;
