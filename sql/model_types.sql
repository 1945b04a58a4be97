-- model_types: default providers for every kind of column; values fit
SET faker.progress = off;  -- no NOTICEs if a slow machine takes over 3 s
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN short_text AS varchar(6);
CREATE TABLE everything (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code     int UNIQUE,
    small    smallint NOT NULL,
    price    numeric(6,2),
    ratio    real,
    flag     boolean,
    tag      varchar(5),
    initials char(3),
    label    short_text,
    email    text,
    born     date,
    at       timestamptz,
    clock    time,
    span     interval,
    uid      uuid,
    feeling  mood,
    scores   int[],
    doc      jsonb,
    raw      bytea,
    addr     inet,
    created  timestamptz DEFAULT now(),
    total    numeric GENERATED ALWAYS AS (price * 2) STORED
);
SELECT * FROM faker_populate('everything', 500, 7);
SELECT count(*) AS rows, count(DISTINCT code) AS distinct_codes, min(code) AS min_code,
       bool_and(small > 0) AS small_ok, bool_and(price BETWEEN 0 AND 9999.99) AS price_ok,
       max(length(tag)) <= 5 AS tag_fits, bool_and(octet_length(initials) = 3) AS char_padded,
       max(length(label)) <= 6 AS domain_fits, bool_and(email LIKE '%@%') AS email_by_name,
       count(DISTINCT feeling) AS moods, bool_and(cardinality(scores) <= 3) AS arrays_ok,
       bool_and(jsonb_typeof(doc) = 'object' AND doc <> '{}') AS json_ok, bool_and(created IS NOT NULL) AS default_used,
       bool_and(total = price * 2) AS generated_ok, count(*) FILTER (WHERE ratio IS NULL) AS null_ratios
FROM everything;
-- a second call continues unique integer columns after the current maximum
SELECT count(*) FROM faker_populate('everything', 100, 8);
SELECT count(DISTINCT code) = count(*) AS codes_unique, max(code) AS max_code FROM everything;
-- explicit specs: const, sequence, values; reused values with a mean
CREATE TABLE city_person (id serial PRIMARY KEY, city text NOT NULL, country text NOT NULL,
                          kind text, serial_no text NOT NULL);
SELECT faker_define('city_person', 'city_person', '{"columns": {
  "city": {"gen": "name", "mean": 50},
  "country": {"const": "Utopia"},
  "kind": {"values": ["a", "b"], "null_weight": 0.5},
  "serial_no": {"gen": "sequence", "format": "SN-%s", "start": 100}}}');
SELECT count(*) FROM faker_populate('city_person', 20000, 9);
-- 20000 rows / mean 50 = 400 distinct values (the creation schedule makes it exact to about one)
SELECT count(DISTINCT city) BETWEEN 388 AND 412 AS cities_ok, count(DISTINCT country) AS countries,
       avg((kind IS NULL)::int) BETWEEN 0.48 AND 0.52 AS kind_nulls_ok,
       min(serial_no) AS first_sn, count(DISTINCT serial_no) AS serials
FROM city_person;
SELECT count(*) FROM faker_populate('city_person', 10, 9);
SELECT max(substr(serial_no, 4)::int) AS sequence_continues FROM city_person;
-- reused column values follow weights like references do: with [0.7, 0.3]
-- the top half of the 1000 names holds 70% of 20000 rows (within 3 points)
CREATE TABLE pw (id serial PRIMARY KEY, who text NOT NULL);
SELECT faker_define('pw', 'pw', '{"columns": {"who": {"gen": "name", "mean": 20, "weights": [0.7, 0.3]}}}');
SELECT count(*) FROM faker_populate('pw', 20000, 1);
WITH f AS (SELECT faker_fit('pw', '{who}') AS f)
SELECT abs((f->'weights'->>0)::float8 + (f->'weights'->>1)::float8 - 0.7) <= 0.03 AS top_half_ok,
       abs((f->>'mean')::float8 / 20 - 1) <= 0.03 AS mean_ok
FROM f;
