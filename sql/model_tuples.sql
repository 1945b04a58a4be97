-- model_tuples: several columns drawn as ONE value ("(city, postcode,
-- country)": the address generator, or rows of a table), reused and
-- weighted as one; and default emails/usernames made of the row's names
\set SHOW_CONTEXT never
CREATE SCHEMA tp;
SET search_path = tp, public;
CREATE TABLE tp.customer (id serial PRIMARY KEY, street text NOT NULL, city text NOT NULL,
                          postcode varchar(10) NOT NULL, country text NOT NULL,
                          phone text NOT NULL, note text);
-- an address tuple reused with mean 5, over four countries
SELECT faker_define('tp_customer', 'tp.customer', '{"columns": {
  "(street, city, postcode, country, phone)": {"gen": "address", "mean": 5,
                                               "countries": ["US", "DE", "FR", "GB"]}}}');
SELECT * FROM faker_populate('tp_customer', 5000, 42);
-- distinct tuples = 5000 / 5 = 1000: the creation schedule is exact to
-- about one value (README, "Distributors") and a new tuple is checked new,
-- so 1% (10) is a wide tolerance
SELECT count(DISTINCT (street, city, postcode, country, phone)) AS tuples,
       abs(count(DISTINCT (street, city, postcode, country, phone)) - 1000) <= 10 AS tuples_ok,
       count(DISTINCT country) AS countries
FROM tp.customer;
-- every row's fields agree with its country: postcode and phone formats
SELECT country, count(*) > 0 AS seen,
       count(*) FILTER (WHERE NOT CASE country
         WHEN 'United States' THEN postcode ~ '^[0-9]{5}$' AND phone ~ '^\+1-[2-9][0-9]{2}-[2-9][0-9]{2}-[0-9]{4}$'
         WHEN 'Germany' THEN postcode ~ '^[0-9]{5}$' AND postcode BETWEEN '01067' AND '99998'
                             AND phone ~ '^\+49 [1-9][0-9]* [1-9][0-9]+$'
         WHEN 'France' THEN postcode ~ '^(0[1-9]|[1-8][0-9]|9[0-5])[0-9]{3}$'
                            AND phone ~ '^\+33 [1-9]( [0-9]{2}){4}$'
         WHEN 'United Kingdom' THEN postcode ~ '^[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}$'
                                    AND phone ~ '^\+44 (20|1[0-9]{2}) [0-9]{4} [0-9]{4}$'
       END) AS mismatches
FROM tp.customer GROUP BY country ORDER BY country;
-- a German, French or British city belongs to one country (the US list
-- has its own London and Lyon), and a British postcode's area to its city
SELECT count(*) AS cities_in_two_countries
FROM (SELECT city FROM tp.customer WHERE country <> 'United States'
      GROUP BY city HAVING count(DISTINCT country) > 1) s;
SELECT count(*) AS gb_areas_in_two_cities
FROM (SELECT substring(postcode from '^[A-Z]+') FROM tp.customer WHERE country = 'United Kingdom'
      GROUP BY 1 HAVING count(DISTINCT city) > 1) s;
-- the default country is faker.locale's; "fields" names fields of other columns
CREATE TABLE tp.site (id serial PRIMARY KEY, town text, plz text, land text, tel text);
SET faker.locale = de;
SELECT faker_define('tp_site', 'tp.site', '{"columns": {
  "(town, plz, land, tel)": {"gen": "address", "fields": ["city", "postcode", "country", "phone"]}}}');
SELECT * FROM faker_populate('tp_site', 200, 1);
SELECT land, count(*) AS n, count(*) FILTER (WHERE plz ~ '^[0-9]{5}$' AND tel LIKE '+49 %') AS ok
FROM tp.site GROUP BY land;
RESET faker.locale;
-- null_weight makes the whole tuple NULL
SELECT faker_define('tp_site2', 'tp.site', '{"columns": {
  "(town, plz)": {"gen": "address", "fields": ["city", "postcode"], "null_weight": 0.5}}}');
SELECT * FROM faker_populate('tp_site2', 400, 3);
SELECT count(*) FILTER (WHERE town IS NULL AND plz IS NULL) AS both_null,
       count(*) FILTER (WHERE (town IS NULL) <> (plz IS NULL)) AS half_null
FROM tp.site WHERE id > 200;

-- a table of tuples, drawn by a weight column: one row's columns together
CREATE TABLE tp.places (city text, postcode text, country text, w int);
INSERT INTO tp.places VALUES ('Springfield', '62701', 'United States', 6),
  ('Lyon', '69001', 'France', 3), ('Köln', '50667', 'Germany', 1), ('Nowhere', '00000', 'Atlantis', 0);
CREATE TABLE tp.shop (id serial PRIMARY KEY, city text NOT NULL, postcode text NOT NULL,
                      country text NOT NULL);
SELECT faker_define('tp_shop', 'tp.shop', '{"columns": {
  "(city, postcode, country)": {"from": {"relation": "tp.places",
                                         "columns": ["city", "postcode", "country"], "weights": "w"}}}}');
SELECT * FROM faker_populate('tp_shop', 10000, 42);
-- shares 0.6, 0.3, 0.1 of 10000 draws: the binomial standard deviation is
-- at most 0.005, so 0.02 is 4 of them; weight 0 is never drawn; every row
-- is one row of places
SELECT s.city, s.postcode, s.country, round(count(*) / 10000.0, 2) AS share,
       abs(count(*) / 10000.0 - p.w / 10.0) <= 0.02 AS share_ok
FROM tp.shop s LEFT JOIN tp.places p USING (city, postcode, country)
GROUP BY 1, 2, 3, p.w ORDER BY share DESC;
-- with mean 3 over a larger table: about 10000 / 3 distinct tuples drawn,
-- each a row of the table (the tuple's columns in another order)
INSERT INTO tp.places SELECT 'City ' || i, lpad(i::text, 5, '0'), 'Country ' || (i % 7), 1
FROM generate_series(1, 100000) i;
TRUNCATE tp.shop;
SELECT faker_define('tp_shop', 'tp.shop', '{"columns": {
  "(country, city, postcode)": {"from": {"relation": "tp.places",
                                         "columns": ["country", "city", "postcode"]}, "mean": 3}}}');
SELECT * FROM faker_populate('tp_shop', 9000, 5);
SELECT count(DISTINCT (city, postcode, country)) AS tuples,
       abs(count(DISTINCT (city, postcode, country)) - 3000) <= 30 AS tuples_ok,
       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM tp.places p
                        WHERE (p.city, p.postcode, p.country) = (s.city, s.postcode, s.country))) AS not_a_place
FROM tp.shop s;

-- an expression reads a tuple's column (made first); criteria pushed down to
-- a tuple's column are checked, not met by drawing again
CREATE TABLE tp.store (id serial PRIMARY KEY, city text NOT NULL, country text NOT NULL,
                       label text NOT NULL);
CREATE TABLE tp.sale (id serial PRIMARY KEY, store_id int NOT NULL REFERENCES tp.store);
SELECT faker_define('tp_store', 'tp.store', '{"columns": {
  "label": {"expr": "city || '' ('' || country || '')''"},
  "(city, country)": {"gen": "address", "countries": ["FR"]}}}');
SELECT faker_define('tp_sale', 'tp.sale', '{"references": {"store_id": {"mean": 4,
  "require": {"$rel": {"country": "France"}}}}}');
SELECT * FROM faker_populate('tp_sale', 40, 1) ORDER BY 1;
SELECT count(*) FILTER (WHERE label = city || ' (' || country || ')') AS labels_ok, count(*) AS stores
FROM tp.store;
SELECT faker_define('tp_sale', 'tp.sale', '{"references": {"store_id": {"mean": 4,
  "require": {"$rel": {"country": "Germany"}}}}}');
SELECT * FROM faker_populate('tp_sale', 40, 1);

-- errors name the culprit
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, city)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, nope)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, note)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "city"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "nosuch"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"city": {"gen": "city"},
  "(city, country)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "address"},
  "(country, postcode)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(id, city)": {"gen": "address"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "address", "require": "x"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "address", "null_weight": 0.1}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "address", "countries": ["XX"]}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, note)": {"gen": "address", "fields": ["city"]}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, note)": {"gen": "address", "fields": ["city", "moon"]}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"gen": "address", "from": "tp.places.city"}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"from": {"relation": "tp.places", "columns": ["city"]}}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"from": {"relation": "tp.places", "columns": ["city", "planet"]}}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"from": {"relation": "tp.nosuch", "columns": ["city", "country"]}}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"from": {"relation": "tp.places", "column": "city"}}}}');
SELECT faker_define('tp_bad', 'tp.customer', '{"columns": {"(city, country)": {"from": {"relation": "tp.places", "columns": ["city", "country"], "weights": "city"}}}}');
CREATE TABLE tp.empty (a text, b text);
SELECT faker_define('tp_bad', 'tp.shop', '{"columns": {"(city, country)": {"from": {"relation": "tp.empty", "columns": ["a", "b"]}}}}');
SELECT * FROM faker_populate('tp_bad', 10, 1);
SELECT count(*) AS shops_after_error FROM tp.shop;

-- persons: a default email and username follow the row's first and last name
CREATE TABLE tp.people (id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL,
                        email varchar(60) NOT NULL UNIQUE, username text NOT NULL);
CREATE FUNCTION tp.slug(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(s),
           'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'é', 'e'), 'è', 'e'), 'ë', 'e'), 'ç', 'c'),
         '[^a-z0-9]', '', 'g') $$;
-- the login's local part is first.last, firstlast or f.last (SEP) and digits
CREATE FUNCTION tp.login_ok(login text, sep text, first text, last text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT login ~ ('^(' || tp.slug(first) || sep || tp.slug(last) || '|' || tp.slug(first) || tp.slug(last)
                  || '|' || left(tp.slug(first), 1) || sep || tp.slug(last) || ')[0-9]{1,3}$') $$;
SELECT * FROM faker_populate('tp.people', 3000, 42);
SELECT count(*) AS rows,
       count(*) FILTER (WHERE NOT tp.login_ok(split_part(email, '@', 1), '\.', first_name, last_name)
                          OR split_part(email, '@', 2) !~ '(^|\.)example\.[a-z]+$') AS email_mismatches,
       count(*) FILTER (WHERE NOT tp.login_ok(username, '_', first_name, last_name)) AS username_mismatches,
       count(DISTINCT email) AS emails
FROM tp.people;
-- transliterated in another locale
SET faker.locale = de;
SELECT * FROM faker_populate('tp.people', 1000, 43);
RESET faker.locale;
SELECT count(*) FILTER (WHERE first_name || last_name ~ '[äöüß]') > 0 AS umlauts,
       count(*) FILTER (WHERE NOT tp.login_ok(split_part(email, '@', 1), '\.', first_name, last_name)) AS mismatches
FROM tp.people WHERE id > 3000;
-- a full name is split into its first and last word
CREATE TABLE tp.member (id serial PRIMARY KEY, full_name text NOT NULL, email text NOT NULL);
SELECT * FROM faker_populate('tp.member', 1000, 42);
SELECT count(*) FILTER (WHERE NOT tp.login_ok(split_part(email, '@', 1), '\.',
                                               split_part(full_name, ' ', 1),
                                               regexp_replace(full_name, '^.* ', ''))) AS mismatches
FROM tp.member;
-- an explicit email spec is left alone: its values do not follow the names
CREATE TABLE tp.people2 (LIKE tp.people INCLUDING DEFAULTS);
SELECT faker_define('tp_people2', 'tp.people2', '{"columns": {"email": {"gen": "email"}}}');
SELECT * FROM faker_populate('tp_people2', 1000, 42);
SELECT count(*) FILTER (WHERE tp.login_ok(split_part(email, '@', 1), '\.', first_name, last_name)) < 10
         AS emails_independent,
       count(*) FILTER (WHERE NOT tp.login_ok(username, '_', first_name, last_name)) AS username_mismatches
FROM tp.people2;
DROP SCHEMA tp CASCADE;
