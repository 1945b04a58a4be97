-- A plain DELETE of a tenant whose WHERE clause MOVEs a cursor over a
-- streaming faker_pipe call: the generation is bumped at the DELETE's
-- ExecutorStart, the MOVE then re-checks and remembers key 1, and only then
-- is row 1 deleted (its authors cascade away at the end of the DELETE).
-- The last MOVE skips key 1: orphans commit (needs a bump when the
-- statement finishes).  Row mode: 23503 on the last MOVE.
SET faker.progress = off;
DROP TABLE IF EXISTS r5_author, r5_tenant CASCADE;
DROP FUNCTION IF EXISTS r5_move(int);
CREATE TABLE r5_tenant (id int PRIMARY KEY);
CREATE TABLE r5_author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES r5_tenant ON DELETE CASCADE);
INSERT INTO r5_tenant SELECT generate_series(1, 3);
SELECT faker_define('r5_author', 'r5_author', '{"references": {"tenant_id": {"mean": 1000000}}}');
CREATE FUNCTION r5_move(n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE c refcursor := 'c';
BEGIN MOVE FORWARD n IN c; RETURN n; END$$;
BEGIN;
DECLARE c CURSOR FOR SELECT faker_pipe('[{"name": "a", "aggregate": "r5_author", "mean": 1}]', 30000, 1);
MOVE FORWARD 5000 IN c;
DELETE FROM r5_tenant WHERE id = 1 AND r5_move(5000) > 0;
MOVE FORWARD 10000 IN c;
CLOSE c;
COMMIT;
SELECT count(*) AS orphan_authors FROM r5_author a WHERE NOT EXISTS (SELECT 1 FROM r5_tenant t WHERE t.id = a.tenant_id);
