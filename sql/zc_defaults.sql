-- zc_defaults: CHECK constraints that read a column left to a constant
-- DEFAULT are read with the constant in its place (the column holds it in
-- every row); a DEFAULT that fails a CHECK on its own makes the column
-- generated.  What this often leaves, col IS [NOT] NULL, is read as a
-- count (zc_nulls)
\set SHOW_CONTEXT never
-- ended DEFAULT false: the CHECK says the end fields are NULL
CREATE TABLE zcd_area (id serial PRIMARY KEY, name text NOT NULL,
  end_year smallint, end_month smallint, end_day smallint,
  ended boolean NOT NULL DEFAULT false
    CHECK (((end_year IS NOT NULL OR end_month IS NOT NULL OR end_day IS NOT NULL) AND ended = true)
           OR (end_year IS NULL AND end_month IS NULL AND end_day IS NULL)),
  edits int NOT NULL DEFAULT 0 CHECK (edits >= 0));
SELECT via, distributor FROM faker_explain('zcd_area') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcd_area', 500, 1) WHERE aggregate = 'zcd_area';
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE NOT (((end_year IS NOT NULL OR end_month IS NOT NULL OR end_day IS NOT NULL) AND ended)
                                   OR (end_year IS NULL AND end_month IS NULL AND end_day IS NULL))) AS bad_ended,
       count(*) FILTER (WHERE ended OR edits <> 0) AS not_default
  FROM zcd_area;
-- DEFAULT 0.00 with CHECK (> 0.00): the DEFAULT fails, the column is generated
CREATE TABLE zcd_ship (id serial PRIMARY KEY, name text NOT NULL,
  base numeric(8,2) NOT NULL DEFAULT 0.00 CONSTRAINT zcd_ship_base CHECK (base > 0.00),
  rate numeric(8,2) NOT NULL DEFAULT 0.00 CONSTRAINT zcd_ship_rate CHECK (rate >= 0.00));
SELECT via, distributor FROM faker_explain('zcd_ship') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcd_ship', 300, 1) WHERE aggregate = 'zcd_ship';
SELECT count(*) AS rows_made, count(*) FILTER (WHERE base <= 0) AS bad_base,
       count(DISTINCT base) > 100 AS base_varied, count(*) FILTER (WHERE rate <> 0) AS rate_not_default
  FROM zcd_ship;
-- status DEFAULT 'draft': (status = 'approved') = (approved_at IS NOT NULL)
-- is approved_at IS NULL; a DEFAULT on the other side of a column compared
CREATE TABLE zcd_quote (id serial PRIMARY KEY,
  status text NOT NULL DEFAULT 'draft', approved_at timestamptz, low int NOT NULL,
  high int NOT NULL DEFAULT 50,
  CONSTRAINT zcd_quote_approved CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  CONSTRAINT zcd_quote_range CHECK (low < high));
SELECT via, distributor FROM faker_explain('zcd_quote') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcd_quote', 300, 1) WHERE aggregate = 'zcd_quote';
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE (status = 'approved') <> (approved_at IS NOT NULL)) AS bad_approved,
       count(*) FILTER (WHERE NOT low < high) AS bad_range
  FROM zcd_quote;
-- a DEFAULT of stable functions is the transaction's value: due >= now()
-- reads the generated due against it
CREATE TABLE zcd_order (id serial PRIMARY KEY, ordered timestamptz NOT NULL DEFAULT now(),
  due timestamptz NOT NULL, shipped timestamptz,
  CONSTRAINT zcd_order_due CHECK (due >= ordered),
  CONSTRAINT zcd_order_ship CHECK (shipped >= ordered OR shipped IS NULL));
SELECT via, distributor FROM faker_explain('zcd_order') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcd_order', 300, 1) WHERE aggregate = 'zcd_order';
SELECT count(*) AS rows_made, count(*) FILTER (WHERE NOT due >= ordered) AS bad_due,
       count(*) FILTER (WHERE NOT (shipped >= ordered OR shipped IS NULL)) AS bad_ship
  FROM zcd_order;
-- a volatile DEFAULT (clock_timestamp()) is not: its CHECKs are left to the INSERT
CREATE TABLE zcd_clock (id serial PRIMARY KEY, made timestamptz NOT NULL DEFAULT clock_timestamp(),
  note text, CONSTRAINT zcd_clock_made CHECK (made > '2000-01-01' OR note IS NULL));
SELECT via, distributor FROM faker_explain('zcd_clock') WHERE via LIKE 'check.%';
-- a key's DEFAULT (a sequence) is evaluated by faker before the row is
-- written, so a CHECK reading it is evaluated on each row: id 1 must be
-- the special row, which no generated row is; 23514 before writing
CREATE TABLE zcd_artist (id serial PRIMARY KEY, kind int NOT NULL, name text NOT NULL,
  CONSTRAINT zcd_artist_va CHECK (id <> 1 OR (kind = 3 AND name = 'Various Artists')));
SELECT via, distributor FROM faker_explain('zcd_artist') WHERE via LIKE 'check.%';
SELECT * FROM faker_populate('zcd_artist', 10, 1);
SELECT count(*) AS written FROM zcd_artist;
-- past id 1 the rule holds whatever the row
SELECT setval('zcd_artist_id_seq', 10);
SELECT created FROM faker_populate('zcd_artist', 10, 1) WHERE aggregate = 'zcd_artist';
SELECT count(*) AS rows_made, count(*) FILTER (WHERE NOT (id <> 1 OR (kind = 3 AND name = 'Various Artists'))) AS bad_va FROM zcd_artist;
