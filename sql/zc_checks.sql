-- zc_checks: CHECK constraints of tables and domains (nested too: lists only) read from
-- the catalog with no spec: lists (IN, = ANY (ARRAY[...])) become the
-- column's values, comparisons with constants and BETWEEN narrow its
-- generator; zero rows violate them
\set SHOW_CONTEXT never
CREATE DOMAIN zc_grade0 AS text CHECK (VALUE IN ('A', 'B', 'C'));
CREATE DOMAIN zc_grade AS zc_grade0;
CREATE TABLE zc_seat (id serial PRIMARY KEY,
  fare varchar(10) NOT NULL CHECK (fare IN ('Economy', 'Comfort', 'Business')),
  kind text NOT NULL,
  rating smallint NOT NULL,
  score numeric(5,2) NOT NULL CHECK (score BETWEEN 1.5 AND 9.5),
  born date NOT NULL CHECK (born >= '1990-01-01' AND born < '2000-01-01'),
  grade zc_grade NOT NULL,
  CONSTRAINT zc_seat_kind CHECK (kind = ANY (ARRAY['x'::text, 'y'::text])),
  CONSTRAINT zc_seat_rating CHECK (rating >= 1 AND rating <= 5));
SELECT created FROM faker_populate('zc_seat', 2000, 1) WHERE aggregate = 'zc_seat';
SELECT count(*) FILTER (WHERE fare NOT IN ('Economy', 'Comfort', 'Business')) AS bad_fare,
       count(*) FILTER (WHERE kind NOT IN ('x', 'y')) AS bad_kind,
       count(*) FILTER (WHERE rating NOT BETWEEN 1 AND 5) AS bad_rating,
       count(*) FILTER (WHERE score NOT BETWEEN 1.5 AND 9.5) AS bad_score,
       count(*) FILTER (WHERE born < '1990-01-01' OR born >= '2000-01-01') AS bad_born,
       count(DISTINCT fare) AS fares, count(DISTINCT rating) AS ratings, count(DISTINCT grade) AS grades
FROM zc_seat;
