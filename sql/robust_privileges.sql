-- robust_privileges: functions run with the caller's rights
-- a tester needs no privilege on faker's own objects (README, Privileges)
CREATE ROLE regress_faker_user;
CREATE TABLE locked (id serial PRIMARY KEY, note text);
GRANT SELECT ON locked TO regress_faker_user;
SET ROLE regress_faker_user;
\set VERBOSITY sqlstate
SELECT * FROM faker_populate('locked', 10);
\set VERBOSITY default
RESET ROLE;
SELECT count(*) AS rows_written FROM locked;
GRANT INSERT ON locked TO regress_faker_user;
GRANT USAGE ON SEQUENCE locked_id_seq TO regress_faker_user;
SET ROLE regress_faker_user;
SELECT * FROM faker_populate('locked', 10, 1);
RESET ROLE;
-- row-level security applies to faker's INSERTs as to any other
CREATE TABLE guarded (id serial PRIMARY KEY, owner text NOT NULL);
ALTER TABLE guarded ENABLE ROW LEVEL SECURITY;
CREATE POLICY only_mine ON guarded USING (owner = current_user) WITH CHECK (owner = current_user);
GRANT SELECT, INSERT ON guarded TO regress_faker_user;
GRANT USAGE ON SEQUENCE guarded_id_seq TO regress_faker_user;
SET ROLE regress_faker_user;
\set VERBOSITY sqlstate
SELECT * FROM faker_populate('guarded', 5);
\set VERBOSITY default
SELECT faker_define('guarded', 'guarded', '{"columns": {"owner": {"const": "regress_faker_user"}}}');
SELECT * FROM faker_populate('guarded', 5, 1);
RESET ROLE;
SELECT count(*) AS guarded_rows FROM guarded;
DROP TABLE locked, guarded;
SELECT faker_undefine('guarded');
SELECT faker_reset();
DROP ROLE regress_faker_user;
