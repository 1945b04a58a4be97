-- zc_bpchar: a pattern CHECK on a char(n) column: the regex generator
-- makes the values, and each row is checked as stored (char(n) pads a
-- shorter match with spaces, which an anchored pattern refuses), the row
-- drawn again when the padded value fails
\set SHOW_CONTEXT never
CREATE TABLE zcb_code (id serial PRIMARY KEY,
  exact char(6) NOT NULL CHECK (exact ~ '^[A-Z]{3}-[0-9]{2}$'),
  loose char(5) NOT NULL CHECK (loose ~ '^[A-Z]{2}-?[0-9]{2}$'));
SELECT via, distributor FROM faker_explain('zcb_code') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcb_code', 300, 1) WHERE aggregate = 'zcb_code';
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE exact !~ '^[A-Z]{3}-[0-9]{2}$') AS bad_exact,
       count(*) FILTER (WHERE loose !~ '^[A-Z]{2}-?[0-9]{2}$') AS bad_loose,
       count(*) FILTER (WHERE loose ~ '-') AS loose_with_dash
  FROM zcb_code;
