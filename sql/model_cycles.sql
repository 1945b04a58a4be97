-- model_cycles: self-references and longer cycles through nullable keys
CREATE TABLE category (id serial PRIMARY KEY, parent_id int REFERENCES category, name text NOT NULL);
SELECT * FROM faker_explain('category');
SELECT * FROM faker_populate('category', 2000, 1);
-- some categories have parents, every parent is older, the tree has no loop
SELECT count(*) FILTER (WHERE parent_id IS NOT NULL) > 0 AS has_parents,
       count(*) FILTER (WHERE parent_id >= id) AS parent_not_older FROM category;
WITH RECURSIVE up(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM category
    UNION ALL SELECT up.id, c.parent_id, depth + 1 FROM up JOIN category c ON c.id = up.parent_id
    WHERE depth < 3000)
SELECT max(depth) < 3000 AS terminates FROM up;
-- a NOT NULL self-reference to the key: the first row is a root that
-- references itself (zc_selfroots); later ones reference rows made
CREATE TABLE node (id serial PRIMARY KEY, next_id int NOT NULL REFERENCES node);
SELECT faker_define('node', 'node');
SELECT * FROM faker_populate('node', 1);
-- a two-table cycle with one nullable edge works; without one it is rejected
CREATE TABLE emp (id serial PRIMARY KEY, dept_id int NOT NULL, name text);
CREATE TABLE dept (id serial PRIMARY KEY, head_id int REFERENCES emp, name text);
ALTER TABLE emp ADD FOREIGN KEY (dept_id) REFERENCES dept;
SELECT step, aggregate, via, distributor FROM faker_explain('emp');
SELECT * FROM faker_populate('emp', 500, 2);
SELECT count(*) AS emps, (SELECT count(*) FROM dept) AS depts FROM emp;
CREATE TABLE a1 (id serial PRIMARY KEY, b_id int NOT NULL);
CREATE TABLE b1 (id serial PRIMARY KEY, a_id int NOT NULL REFERENCES a1);
ALTER TABLE a1 ADD FOREIGN KEY (b_id) REFERENCES b1;
SELECT * FROM faker_populate('a1', 1);
