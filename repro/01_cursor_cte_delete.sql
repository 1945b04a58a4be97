-- A streaming faker_pipe call in a cursor (one transaction); a writable CTE
-- deletes a tenant while the main query of the same statement MOVEs the
-- cursor.  fkknown.c bumps the generation at the DELETE's ExecutorStart,
-- but the CTE deletes the row (and cascades its authors away) only at the
-- end of the statement, after the MOVE has re-checked and re-remembered
-- key 1.  The later MOVE then skips key 1: orphans commit.
-- Row mode (SET faker.batch_fk_checks = off): 23503 on the last MOVE.
SET faker.progress = off;
DROP TABLE IF EXISTS r1_author, r1_tenant CASCADE;
DROP FUNCTION IF EXISTS r1_move(int);
CREATE TABLE r1_tenant (id int PRIMARY KEY);
CREATE TABLE r1_author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES r1_tenant ON DELETE CASCADE);
INSERT INTO r1_tenant SELECT generate_series(1, 3);
SELECT faker_define('r1_author', 'r1_author', '{"references": {"tenant_id": {"mean": 1000000}}}');
SELECT distributor->>'fk_check' AS fk_check FROM faker_explain('r1_author') WHERE via IS NULL;
CREATE FUNCTION r1_move(n int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE c refcursor := 'c';
BEGIN MOVE FORWARD n IN c; RETURN n; END$$;
BEGIN;
DECLARE c CURSOR FOR SELECT faker_pipe('[{"name": "a", "aggregate": "r1_author", "mean": 1}]', 30000, 1);
MOVE FORWARD 5000 IN c;
WITH d AS (DELETE FROM r1_tenant WHERE id = 1 RETURNING id) SELECT r1_move(5000);
MOVE FORWARD 10000 IN c;
CLOSE c;
COMMIT;
SELECT count(*) AS orphan_authors FROM r1_author a WHERE NOT EXISTS (SELECT 1 FROM r1_tenant t WHERE t.id = a.tenant_id);
