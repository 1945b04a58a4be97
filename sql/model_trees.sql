-- model_trees: a self-reference filled as a forest of bounded depth
-- ("depth", "fanout" under references), breadth-first.  Everything lives in
-- schema tr, aggregates are named tr_*, and both go at the end.
CREATE SCHEMA tr;
SET search_path = tr, public;
CREATE TABLE category (id serial PRIMARY KEY, parent_id int REFERENCES category, name text NOT NULL);
SELECT faker_define('tr_category', 'tr.category', '{"references": {"parent_id": {"mean": 3, "depth": {"max": 6}}}}');
SELECT * FROM faker_populate('tr_category', 3000, 7);
-- the depth of every row reached from a root (parent NULL), bounded so a loop would end
CREATE VIEW category_depth AS
WITH RECURSIVE t(id, depth) AS (
    SELECT id, 1 FROM category WHERE parent_id IS NULL
    UNION ALL SELECT c.id, t.depth + 1 FROM category c JOIN t ON c.parent_id = t.id WHERE t.depth < 100)
SELECT * FROM t;
-- every row is reached from a root (so no row is on a cycle), none twice,
-- no row deeper than 6; roots are exactly the rows whose parent is NULL
SELECT (SELECT count(*) FROM category) AS rows, count(*) AS reached, count(DISTINCT id) AS distinct_reached,
       max(depth) AS max_depth, count(*) FILTER (WHERE depth = 1) AS roots,
       (SELECT count(*) FROM category WHERE parent_id IS NULL) AS null_parents
  FROM category_depth;
-- full trees are filled level by level: each level about 3 times the one above
SELECT depth, count(*) FROM category_depth GROUP BY depth ORDER BY depth;
-- children per parent (rows that have children): asked mean 3.  A parent
-- gets 1 + Poisson(2) children (sd 1.41); over ~1000 parents the mean's
-- standard error is 0.045 (1.5%), so +-5% is more than 3 standard errors;
-- the one parent served when the call ends loses less than 0.01.
SELECT count(*) AS parents, round(avg(n), 3) AS mean_fanout, abs(avg(n) - 3) <= 0.15 AS within_5pct,
       min(n) AS min_fanout
  FROM (SELECT parent_id, count(*) AS n FROM category WHERE parent_id IS NOT NULL GROUP BY parent_id) s;
-- every row above the bound has children, except in the last tree, still growing
SELECT count(*) FILTER (WHERE d.depth < 6 AND NOT EXISTS (SELECT 1 FROM category c WHERE c.parent_id = d.id)
                               AND d.id < (SELECT max(id) FROM category_depth WHERE depth = 1)) AS open_in_full_trees
  FROM category_depth d;
-- a second call continues the last tree breadth-first, then makes new ones: still <= 6
SELECT * FROM faker_populate('tr_category', 1000, 8);
SELECT (SELECT count(*) FROM category) AS rows, count(*) AS reached, max(depth) AS max_depth,
       count(*) FILTER (WHERE depth = 1) AS roots FROM category_depth;
SELECT count(*) FILTER (WHERE d.depth < 6 AND NOT EXISTS (SELECT 1 FROM category c WHERE c.parent_id = d.id)
                               AND d.id < (SELECT max(id) FROM category_depth WHERE depth = 1)) AS open_in_full_trees
  FROM category_depth d;
SELECT count(*) FILTER (WHERE id > 3000 AND parent_id <= 3000) > 0 AS continues_old_tree,
       count(*) FILTER (WHERE parent_id >= id) AS parent_not_older FROM category;
SELECT round(avg(n), 3) AS mean_fanout, abs(avg(n) - 3) <= 0.15 AS within_5pct
  FROM (SELECT parent_id, count(*) AS n FROM category WHERE parent_id IS NOT NULL GROUP BY parent_id) s;

-- skew shapes the children per parent, the mean stays: 1 + X, X = 2 * 3 V^2
-- (V uniform) rounded stochastically, so P(one child) = v0 - 2 v0^3 = 0.27
-- with v0 = 1/sqrt(6) (1 + Poisson(2): 0.14).  X has sd 1.8: over ~1000
-- parents the mean's standard error is 0.06 (2%), +-8% is 4 of them; the
-- share's is 0.014, +-0.05 is 3.5 of them.
CREATE TABLE topic (id serial PRIMARY KEY, parent_id int REFERENCES topic);
SELECT faker_define('tr_topic', 'tr.topic', '{"references": {"parent_id": {"mean": 3, "skew": 3, "depth": {"max": 6}}}}');
SELECT created FROM faker_populate('tr_topic', 3000, 7);
SELECT count(*) AS parents, round(avg(n), 3) AS mean_fanout, abs(avg(n) - 3) <= 0.24 AS within_8pct,
       round(avg((n = 1)::int), 2) AS one_child_share, abs(avg((n = 1)::int) - 0.27) <= 0.05 AS one_child_near_027
  FROM (SELECT parent_id, count(*) AS n FROM topic WHERE parent_id IS NOT NULL GROUP BY parent_id) s;

-- per-level fanout: exact level sizes (roots get 5 children, level 2 rows 3, level 3 rows 2)
CREATE TABLE org (id serial PRIMARY KEY, boss_id int REFERENCES org, name text);
SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"fanout": [5, 3, 2]}}}');
SELECT created, reused, nulls FROM faker_populate('tr_org', 510, 1);
CREATE VIEW org_depth AS
WITH RECURSIVE t(id, depth) AS (
    SELECT id, 1 FROM org WHERE boss_id IS NULL
    UNION ALL SELECT c.id, t.depth + 1 FROM org c JOIN t ON c.boss_id = t.id WHERE t.depth < 100)
SELECT * FROM t;
SELECT depth, count(*) FROM org_depth GROUP BY depth ORDER BY depth;
SELECT depth, min(n), max(n) FROM (SELECT d.depth, count(c.id) AS n FROM org_depth d
    LEFT JOIN org c ON c.boss_id = d.id GROUP BY d.id, d.depth) s GROUP BY depth ORDER BY depth;
-- 100 more rows: the forest had 10 full trees of 51, so 2 more (51 and 49)
SELECT created FROM faker_populate('tr_org', 100, 2);
SELECT depth, count(*) FROM org_depth GROUP BY depth ORDER BY depth;
-- a fanout shorter than the depth: the deeper levels use the distributor (mean 1: one child)
TRUNCATE org;
SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"mean": 1, "fanout": [2], "depth": {"max": 4}}}}');
SELECT created FROM faker_populate('tr_org', 28, 3);
SELECT depth, count(*) FROM org_depth GROUP BY depth ORDER BY depth;
-- depth.max 1: every row is a root
SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {"max": 1}}}}');
SELECT created, reused, nulls FROM faker_populate('tr_org', 10, 4);

-- a tree inside a tenant (composite text key): a child is in its parent's
-- tenant, a root's tenant is drawn; a second call reads the open rows back
CREATE TABLE tenant (id serial PRIMARY KEY);
SELECT faker_define('tr_tenant', 'tr.tenant');
CREATE TABLE folder (tenant_id int NOT NULL REFERENCES tenant, code text, parent_code text, n serial,
                     PRIMARY KEY (tenant_id, code), FOREIGN KEY (tenant_id, parent_code) REFERENCES folder);
SELECT faker_define('tr_folder', 'tr.folder', '{"references": {
    "folder_tenant_id_parent_code_fkey": {"mean": 2, "depth": {"max": 3}},
    "folder_tenant_id_fkey": {"mean": 5}}}');
SELECT * FROM faker_populate('tr_folder', 70, 5);
SELECT * FROM faker_populate('tr_folder', 35, 6);
-- (n numbers the rows in creation order: every tree but the last is full)
WITH RECURSIVE t(tenant_id, code, n, depth) AS (
    SELECT tenant_id, code, n, 1 FROM folder WHERE parent_code IS NULL
    UNION ALL SELECT f.tenant_id, f.code, f.n, t.depth + 1 FROM folder f
        JOIN t ON (f.tenant_id, f.parent_code) = (t.tenant_id, t.code) WHERE t.depth < 100)
SELECT count(*) AS reached, (SELECT count(*) FROM folder) AS rows, max(depth) AS max_depth,
       count(*) FILTER (WHERE depth = 1) AS roots,
       count(*) FILTER (WHERE depth < 3 AND n < (SELECT max(n) FROM t WHERE depth = 1) AND NOT EXISTS
           (SELECT 1 FROM folder f WHERE (f.tenant_id, f.parent_code) = (t.tenant_id, t.code))) AS open_in_full_trees
  FROM t;

-- errors: SQLSTATE and message
CREATE FUNCTION try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE TABLE node (id serial PRIMARY KEY, next_id int NOT NULL REFERENCES node);
SELECT try($q$SELECT faker_define('tr_node', 'tr.node', '{"references": {"next_id": {"depth": {"max": 3}}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {"max": 0}}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {"max": 2.5}}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": 6}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {}}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {"max": 3, "min": 2}}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"fanout": [2, 0]}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"fanout": [2, 2, 2], "depth": {"max": 3}}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {"max": 3}, "null_weight": 0.1}}}')$q$);
SELECT try($q$SELECT faker_define('tr_org', 'tr.org', '{"references": {"boss_id": {"depth": {"max": 3}, "require": {"$rel": {"name": "x"}}}}}')$q$);
-- depth on a cycle through two tables: not supported, the cycle is named
CREATE TABLE emp (id serial PRIMARY KEY, dept_id int NOT NULL, name text);
CREATE TABLE dept (id serial PRIMARY KEY, head_id int REFERENCES emp, name text);
ALTER TABLE emp ADD FOREIGN KEY (dept_id) REFERENCES dept;
SELECT faker_define('tr_emp', 'tr.emp');
SELECT try($q$SELECT faker_define('tr_dept', 'tr.dept', '{"references": {"head_id": {"depth": {"max": 3}}}}')$q$);
-- depth on a reference to another table, no cycle
CREATE TABLE item (id serial PRIMARY KEY, topic_id int REFERENCES topic);
SELECT try($q$SELECT faker_define('tr_item', 'tr.item', '{"references": {"topic_id": {"depth": {"max": 3}}}}')$q$);
-- a rejected definition leaves none behind
SELECT count(*) FROM faker.aggregate WHERE name IN ('tr_node', 'tr_dept', 'tr_item');
SELECT faker_undefine(name, forget => true) FROM faker.aggregate WHERE name LIKE 'tr\_%' ORDER BY name;
DROP SCHEMA tr CASCADE;
RESET search_path;
