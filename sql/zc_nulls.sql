-- zc_nulls: null tests in CHECK constraints read as counts of the
-- columns set (the form num_nonnulls takes): col IS [NOT] NULL,
-- (a IS NOT NULL) <> (b IS NOT NULL), ORs of ANDs of null tests whose
-- patterns are "between lo and hi of these columns set"; other patterns
-- are evaluated on each row
\set SHOW_CONTEXT never
-- exactly one parent: (a IS NOT NULL) <> (b IS NOT NULL), (a IS NULL) <> (b IS NULL)
CREATE TABLE zcn_plan (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcn_subscription (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcn_threshold (id serial PRIMARY KEY,
  plan_id int REFERENCES zcn_plan, subscription_id int REFERENCES zcn_subscription,
  feature text, privilege text,
  CONSTRAINT zcn_threshold_one_parent CHECK ((plan_id IS NOT NULL) <> (subscription_id IS NOT NULL)),
  CONSTRAINT zcn_threshold_one_kind CHECK ((feature IS NULL) <> (privilege IS NULL)));
SELECT via, distributor FROM faker_explain('zcn_threshold') WHERE via LIKE 'check.%' ORDER BY via;
SELECT * FROM faker_populate('zcn_threshold', 500, 1) ORDER BY aggregate;
-- which parent a row takes is a fair draw: count(plan_id) is
-- Binomial(500, 1/2), sd 11; 150..350 is 9 sd either side (seed fixed too)
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE (plan_id IS NOT NULL) = (subscription_id IS NOT NULL)) AS bad_parent,
       count(*) FILTER (WHERE (feature IS NULL) = (privilege IS NULL)) AS bad_kind,
       count(plan_id) BETWEEN 150 AND 350 AS plans_half
  FROM zcn_threshold;
-- both or neither is no count: evaluated on each row (the fallback)
CREATE TABLE zcn_pair (id serial PRIMARY KEY, a text, b text,
  CONSTRAINT zcn_pair_both CHECK ((a IS NULL) = (b IS NULL)));
SELECT via, distributor FROM faker_explain('zcn_pair') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcn_pair', 100, 1) WHERE aggregate = 'zcn_pair';
SELECT count(*) AS rows_made, count(*) FILTER (WHERE (a IS NULL) <> (b IS NULL)) AS bad_pair FROM zcn_pair;
-- ORs of null tests: exactly one of two (the form of an attribute's
-- value or text), at least one NULL of three
CREATE TABLE zcn_attr (id serial PRIMARY KEY, allowed_value int, value_text text,
  a text, b text, c text,
  CONSTRAINT zcn_attr_one CHECK ((allowed_value IS NULL AND value_text IS NOT NULL)
                                 OR (allowed_value IS NOT NULL AND value_text IS NULL)),
  CONSTRAINT zcn_attr_not_all CHECK (a IS NULL OR b IS NULL OR c IS NULL));
SELECT via, distributor FROM faker_explain('zcn_attr') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcn_attr', 400, 1) WHERE aggregate = 'zcn_attr';
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE (allowed_value IS NULL) = (value_text IS NULL)) AS bad_one,
       count(*) FILTER (WHERE a IS NOT NULL AND b IS NOT NULL AND c IS NOT NULL) AS bad_not_all,
       count(*) FILTER (WHERE num_nonnulls(a, b, c) = 2) > 0 AS some_two_set
  FROM zcn_attr;
-- patterns that are no range of counts (b NULL, a either): not read;
-- the fallback finds no row (a column without a spec is never NULL) and
-- the call fails before writing, naming the constraint and its columns
CREATE TABLE zcn_odd (id serial PRIMARY KEY, a text, b text,
  CONSTRAINT zcn_odd_a CHECK ((a IS NOT NULL AND b IS NULL) OR (a IS NULL AND b IS NULL)));
SELECT via, distributor FROM faker_explain('zcn_odd') WHERE via LIKE 'check.%';
SELECT created FROM faker_populate('zcn_odd', 100, 1) WHERE aggregate = 'zcn_odd';
SELECT count(*) AS rows_made, count(*) FILTER (WHERE b IS NOT NULL) AS bad_odd FROM zcn_odd;
