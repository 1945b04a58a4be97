-- zc_checks3: CHECK constraints faker does not translate into providers
-- are evaluated on each row (the constraint's own expression, as the
-- executor does) and the row is drawn again, up to 100 times; a check no
-- row satisfies is an error (23514) naming it, and nothing is written
\set SHOW_CONTEXT never
-- executor fallback: a table CHECK over two columns, an untranslatable
-- domain CHECK, nested domains
CREATE DOMAIN zc3_even AS int CHECK (VALUE % 2 = 0);
CREATE DOMAIN zc3_six AS zc3_even CHECK (VALUE % 3 = 0);
CREATE TABLE zc3_line (id serial PRIMARY KEY,
  price int NOT NULL, quantity int NOT NULL,
  even zc3_even NOT NULL, six zc3_six NOT NULL,
  kind text NOT NULL CHECK (kind IN ('a', 'b')),
  CONSTRAINT zc3_line_total CHECK (price * quantity < 50000));
SELECT via, distributor FROM faker_explain('zc3_line') WHERE via LIKE 'check.%' ORDER BY via, distributor::text;
SELECT created FROM faker_populate('zc3_line', 500, 1) WHERE aggregate = 'zc3_line';
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE NOT price * quantity < 50000) AS bad_total,
       count(*) FILTER (WHERE even % 2 <> 0) AS bad_even,
       count(*) FILTER (WHERE six % 6 <> 0) AS bad_six,
       count(*) FILTER (WHERE kind NOT IN ('a', 'b')) AS bad_kind,
       count(DISTINCT six) > 400 AS six_varied
  FROM zc3_line;
-- unsatisfiable: 23514 naming the constraint, before any row is written
-- (the parent the first row created is not written either)
CREATE TABLE zc3_owner (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zc3_hash (id serial PRIMARY KEY, owner_id int NOT NULL REFERENCES zc3_owner,
  name text NOT NULL CONSTRAINT zc3_hash_md5 CHECK (md5(name) = 'x'));
SELECT via, distributor FROM faker_explain('zc3_hash') WHERE via LIKE 'check.%';
SELECT * FROM faker_populate('zc3_hash', 500, 1);
DO $$
DECLARE st text; con text; tab text;
BEGIN
  PERFORM faker_populate('zc3_hash', 500, 2);
EXCEPTION WHEN check_violation THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, con = CONSTRAINT_NAME, tab = TABLE_NAME;
  RAISE NOTICE 'sqlstate %, constraint %, table %', st, con, tab;
END $$;
CREATE DOMAIN zc3_md5 AS text CHECK (md5(VALUE) = 'x');
CREATE TABLE zc3_dom (id serial PRIMARY KEY, code zc3_md5 NOT NULL);
SELECT * FROM faker_populate('zc3_dom', 500, 1);
SELECT (SELECT count(*) FROM zc3_owner) AS owners, (SELECT count(*) FROM zc3_hash) AS hashes,
       (SELECT count(*) FROM zc3_dom) AS doms;
-- a CHECK reading a column PostgreSQL fills (a volatile DEFAULT) is left to the INSERT
CREATE TABLE zc3_stamp (id serial PRIMARY KEY, made timestamptz NOT NULL DEFAULT clock_timestamp(),
  note text, CONSTRAINT zc3_stamp_made CHECK (made > '2000-01-01' OR note IS NULL));
SELECT via, distributor FROM faker_explain('zc3_stamp') WHERE via LIKE 'check.%';
SELECT created FROM faker_populate('zc3_stamp', 50, 1) WHERE aggregate = 'zc3_stamp';
-- num_nonnulls / num_nulls against a constant: each row chooses which of
-- the columns are set (uniformly among the allowed counts), the others
-- are NULL; "exactly one parent" over two nullable foreign keys
CREATE TABLE zc3_subscription (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zc3_wallet (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zc3_payment (id serial PRIMARY KEY,
  subscription_id int REFERENCES zc3_subscription, wallet_id int REFERENCES zc3_wallet,
  note text, memo text, tag text NOT NULL,
  CONSTRAINT zc3_payment_one_parent CHECK (num_nonnulls(subscription_id, wallet_id) = 1),
  CONSTRAINT zc3_payment_notes CHECK (num_nulls(note, memo, tag) >= 1 AND 2 >= num_nonnulls(note, memo, tag)));
SELECT via, distributor FROM faker_explain('zc3_payment') WHERE via LIKE 'check.%' ORDER BY via;
SELECT * FROM faker_populate('zc3_payment', 500, 1) ORDER BY aggregate;
-- each parent is chosen for about half the rows: binomial(500, 0.5) has a
-- standard deviation of 11, so 150..350 is 9 of them (and the seed is fixed)
SELECT count(*) FILTER (WHERE num_nonnulls(subscription_id, wallet_id) <> 1) AS bad_parent,
       count(*) FILTER (WHERE num_nulls(note, memo, tag) < 1) AS bad_notes,
       count(subscription_id) BETWEEN 150 AND 350 AS subscriptions_ok,
       count(wallet_id) BETWEEN 150 AND 350 AS wallets_ok,
       count(*) FILTER (WHERE note IS NOT NULL AND memo IS NULL) > 0 AS note_alone,
       count(*) FILTER (WHERE note IS NULL AND memo IS NOT NULL) > 0 AS memo_alone,
       count(*) FILTER (WHERE note IS NULL AND memo IS NULL) > 0 AS neither
  FROM zc3_payment;
-- a foreign key with a null_weight of its own cannot be set at will: the
-- check is evaluated by redraw instead (which cannot redraw a reference)
SELECT faker_define('zc3_payment_nw', 'zc3_payment', '{"references": {"wallet_id": {"null_weight": 0.5}}}');
SELECT via, distributor FROM faker_explain('zc3_payment_nw') WHERE via = 'check.zc3_payment_one_parent';
-- length bounds: an upper bound (length, char_length, character_length,
-- octet_length; <, <=, =, BETWEEN) caps the column's generator, a lower
-- bound is left to the redraw; domain bounds narrow the generator
CREATE DOMAIN zc3_year AS smallint CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE DOMAIN zc3_year2 AS zc3_year;
CREATE DOMAIN zc3_short AS text CHECK (char_length(VALUE) BETWEEN 3 AND 6);
CREATE DOMAIN zc3_code4 AS varchar(4);
CREATE TABLE zc3_film (id serial PRIMARY KEY,
  released zc3_year2 NOT NULL, nick zc3_short NOT NULL,
  code text NOT NULL CHECK (length(code) BETWEEN 2 AND 5),
  title text NOT NULL CHECK (character_length(title) <= 12),
  isbn zc3_code4 NOT NULL CHECK (octet_length(isbn) < 9),
  iso char(3) NOT NULL CHECK (length(iso) = 2),
  fare varchar(10) NOT NULL CHECK (fare IN ('Economy', 'Comfort', 'First') AND length(fare) <= 7));
SELECT via, distributor FROM faker_explain('zc3_film') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zc3_film', 500, 1) WHERE aggregate = 'zc3_film';
SELECT count(*) FILTER (WHERE released NOT BETWEEN 1901 AND 2155) AS bad_released,
       count(*) FILTER (WHERE char_length(nick) NOT BETWEEN 3 AND 6) AS bad_nick,
       count(*) FILTER (WHERE length(code) NOT BETWEEN 2 AND 5) AS bad_code,
       count(*) FILTER (WHERE length(title) > 12) AS bad_title,
       count(*) FILTER (WHERE octet_length(isbn) >= 9) AS bad_isbn,
       count(*) FILTER (WHERE length(iso) <> 2) AS bad_iso,
       count(*) FILTER (WHERE fare NOT IN ('Economy', 'Comfort', 'First')) AS bad_fare,
       count(DISTINCT released) > 100 AS years_spread,
       count(DISTINCT fare) AS fares
  FROM zc3_film;
