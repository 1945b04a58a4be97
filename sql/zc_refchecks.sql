-- zc_refchecks: a CHECK faker evaluates on each row that reads foreign
-- keys (entity0 <> entity1, tag1 < tag2 over two references to one
-- table) has those references drawn again from their pools when a row
-- fails it, as its generated columns are
\set SHOW_CONTEXT never
CREATE TABLE zcr_artist (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcr_link (id serial PRIMARY KEY,
  entity0 int NOT NULL REFERENCES zcr_artist, entity1 int NOT NULL REFERENCES zcr_artist,
  credit text NOT NULL,
  CONSTRAINT zcr_link_no_loop CHECK (entity0 <> entity1));
CREATE TABLE zcr_tag (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE zcr_tag_relation (tag1 int NOT NULL REFERENCES zcr_tag, tag2 int NOT NULL REFERENCES zcr_tag,
  weight int NOT NULL, PRIMARY KEY (tag1, tag2), CHECK (tag1 < tag2));
SELECT via, distributor FROM faker_explain('zcr_link') WHERE via LIKE 'check.%';
SELECT aggregate, created FROM faker_populate('zcr_link', 1000, 1) ORDER BY aggregate;
SELECT count(*) AS rows_made, count(*) FILTER (WHERE entity0 = entity1) AS loops,
       count(DISTINCT entity0) > 50 AS varied
  FROM zcr_link;
SELECT aggregate, created FROM faker_populate('zcr_tag_relation', 1000, 1) ORDER BY aggregate;
SELECT count(*) AS rows_made, count(*) FILTER (WHERE NOT tag1 < tag2) AS bad_order FROM zcr_tag_relation;
-- a rule no parent can satisfy still fails, naming it, before writing
CREATE TABLE zcr_self (id serial PRIMARY KEY, a int NOT NULL REFERENCES zcr_artist,
  CONSTRAINT zcr_self_never CHECK (a < 0));
SELECT * FROM faker_populate('zcr_self', 10, 1);
SELECT count(*) AS written FROM zcr_self;
