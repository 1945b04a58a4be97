-- zc_selfroots: a NOT NULL foreign key to the table's own key (a tree
-- whose roots point at themselves, root = id) no longer stops the plan:
-- a row made when the table has no row to reference is a root and
-- references itself; later rows reference rows already made
\set SHOW_CONTEXT never
CREATE TABLE zcs_type (id serial PRIMARY KEY, name text NOT NULL,
  parent int REFERENCES zcs_type, root int NOT NULL REFERENCES zcs_type);
CREATE TABLE zcs_attr (id serial PRIMARY KEY, type int NOT NULL REFERENCES zcs_type, value text NOT NULL);
SELECT step, aggregate, via, distributor->>'cycle' AS cycle FROM faker_explain('zcs_attr') ORDER BY step, via;
SELECT aggregate, created FROM faker_populate('zcs_attr', 500, 1) ORDER BY aggregate;
SELECT count(*) AS types, count(*) FILTER (WHERE t.root = t.id) AS roots,
       count(*) FILTER (WHERE r.id IS NULL) AS dangling
  FROM zcs_type t LEFT JOIN zcs_type r ON r.id = t.root;
-- a second call: the table has rows, so no new root
SELECT aggregate, created FROM faker_populate('zcs_type', 100, 2) ORDER BY aggregate;
SELECT count(*) AS types, count(*) FILTER (WHERE root = id) AS roots FROM zcs_type;
-- to another unique column: the same (the pool keeps that key)
CREATE TABLE zcs_loop (id serial PRIMARY KEY, code int UNIQUE NOT NULL,
  next_code int NOT NULL REFERENCES zcs_loop (code));
SELECT * FROM faker_populate('zcs_loop', 10, 1);
SELECT count(*) FILTER (WHERE l.next_code = l.code) AS roots,
       count(*) FILTER (WHERE n.code IS NULL) AS dangling
  FROM zcs_loop l LEFT JOIN zcs_loop n ON n.code = l.next_code;
-- the key itself a reference (id REFERENCES the table): still rejected
CREATE TABLE zcs_self (id int PRIMARY KEY REFERENCES zcs_self);
SELECT * FROM faker_populate('zcs_self', 10, 1);
