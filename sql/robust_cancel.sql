-- robust_cancel: a long call honours statement_timeout; nothing remains
CREATE TABLE big_parent (id serial PRIMARY KEY);
CREATE TABLE big (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES big_parent, note text);
\set SHOW_CONTEXT never
SET statement_timeout = '1s';
SELECT * FROM faker_populate('big', 10000000, 1);
RESET statement_timeout;
SELECT (SELECT count(*) FROM big) AS rows, (SELECT count(*) FROM big_parent) AS parents,
       (SELECT count(*) FROM faker_pools WHERE aggregate = 'big_parent') AS pools;
