-- model_undo: a migration that seeds fixtures can be reverted and deployed
-- again: faker_undefine(..., forget => true) forgets pools and counters, so
-- the second deploy makes the same rows as the first.
CREATE TABLE ud_team (id serial PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE ud_player (id serial PRIMARY KEY, team_id int NOT NULL REFERENCES ud_team, name text NOT NULL);
-- deploy
SELECT faker_define('ud_team', 'ud_team', '{"columns": {"code": {"gen": "sequence", "format": "T-%s"}}}');
SELECT faker_define('ud_player', 'ud_player', '{"references": {"team_id": {"mean": 5, "skew": 2}}}');
SELECT aggregate, created FROM faker_populate('ud_player', 200, 7) ORDER BY 1;
CREATE TEMP TABLE first_deploy AS
  SELECT p.id, p.name, t.code FROM ud_player p JOIN ud_team t ON t.id = p.team_id;
SELECT count(*) AS counters FROM faker.sequence WHERE scope LIKE 'ud\_team.%';
-- revert: the rows go, and so does what faker kept about them
TRUNCATE ud_player, ud_team RESTART IDENTITY;
SELECT faker_undefine('ud_player', forget => true);
SELECT faker_undefine('ud_team', forget => true);
SELECT count(*) AS counters FROM faker.sequence WHERE scope LIKE 'ud\_team.%';
SELECT count(*) AS pools FROM faker_pools WHERE relation IN ('ud_team'::regclass, 'ud_player'::regclass);
-- deploy again: the same rows
SELECT faker_define('ud_team', 'ud_team', '{"columns": {"code": {"gen": "sequence", "format": "T-%s"}}}');
SELECT faker_define('ud_player', 'ud_player', '{"references": {"team_id": {"mean": 5, "skew": 2}}}');
SELECT aggregate, created FROM faker_populate('ud_player', 200, 7) ORDER BY 1;
SELECT count(*) AS differing FROM (
  (SELECT p.id, p.name, t.code FROM ud_player p JOIN ud_team t ON t.id = p.team_id EXCEPT SELECT * FROM first_deploy)
  UNION ALL
  (SELECT * FROM first_deploy EXCEPT SELECT p.id, p.name, t.code FROM ud_player p JOIN ud_team t ON t.id = p.team_id)) d;
-- without forget, a redeploy after deleting the rows still works: the pool
-- sees its keys are gone and is rebuilt from the table
DELETE FROM ud_player; DELETE FROM ud_team;
SELECT faker_undefine('ud_player');
SELECT aggregate, created > 0 AS made FROM faker_populate('ud_player', 50, 8) ORDER BY 1;
SELECT count(*) AS orphans FROM ud_player p WHERE NOT EXISTS (SELECT 1 FROM ud_team t WHERE t.id = p.team_id);
-- faker_reset(name) forgets that aggregate's counters too; faker_reset() everything faker derived
SELECT count(*) > 0 AS has_counters FROM faker.sequence WHERE scope LIKE 'ud\_team.%';
SELECT faker_reset('ud_team');
SELECT count(*) AS counters FROM faker.sequence WHERE scope LIKE 'ud\_team.%';
-- errors name the fix
\set VERBOSITY default
SELECT faker_define('ud_bad', 'ud_player', '{"references": {"team": {"mean": 2}}}');
SELECT faker_define('ud_bad', 'ud_player', '{"columns": {"nmae": {"gen": "name"}}}');
SELECT faker_define('ud_bad', 'ud_player', '{"references": {"team_id": {"require": {"$rel": {"cod": "x"}}}}}');
SELECT faker_undefine('ud_nosuch', forget => true);
SELECT faker_undefine('ud_team', forget => true);
DROP TABLE ud_player, ud_team;
