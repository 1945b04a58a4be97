# The privilege model of faker 1.3 (README "Privileges", faker--1.2--1.3.sql):
# an unprivileged role cannot reach a superuser's call through faker's pools
# (1), read rows it may not SELECT through faker (2), hijack the functions
# and operators of faker's statements with its own objects earlier on the
# superuser's search_path (3), or steer a superuser's call with definitions
# it stored (4).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use FakerNode;

my $node = faker_node('sec');

# Run SQL (as ROLE if given, through SET ROLE); returns (sqlstate, stdout,
# stderr): '00000' when every statement succeeded, else the first error's.
sub run_sql
{
	my ($sql, $role) = @_;
	my $pre = "\\set VERBOSITY verbose\n";
	$pre .= "SET ROLE $role;\n" if $role;
	my ($ret, $out, $err) = $node->psql('postgres', $pre . $sql, on_error_stop => 1);
	my $state = $err =~ /ERROR:\s+([0-9A-Z]{5}):/ ? $1 : ($ret == 0 ? '00000' : "rc$ret");
	return ($state, $out, $err);
}

# One check: SQL run as ROLE ends with SQLSTATE STATE.
sub state_is
{
	my ($role, $sql, $state, $name) = @_;
	my ($got, $out, $err) = run_sql($sql, $role);
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	is($got, $state, $name) or diag("stdout: $out\nstderr: $err");
}

sub q1 { return $node->safe_psql('postgres', $_[0]); }

# The superuser's schema, and a role that has exactly what README's
# "Privileges" section asks of a tester: INSERT and SELECT on the tables,
# USAGE on their sequences, nothing on schema faker beyond the USAGE every
# role has.  tester_home is where the tester keeps its own objects.
q1(q{
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE author (tenant_id int NOT NULL REFERENCES tenant, id serial, name text NOT NULL,
                     PRIMARY KEY (tenant_id, id));
CREATE ROLE tester LOGIN;
GRANT USAGE ON SCHEMA public TO tester;
GRANT INSERT, SELECT ON tenant, author TO tester;
GRANT USAGE ON SEQUENCE tenant_id_seq, author_id_seq TO tester;
CREATE SCHEMA tester_home AUTHORIZATION tester;
});
# The tester's payload: anything that runs it as the superuser makes the
# tester a superuser and advances tester_home.fired (not transactional, so
# a trace survives even if the call that ran it failed).
run_sql(q{
CREATE SEQUENCE tester_home.fired;
GRANT USAGE, UPDATE ON SEQUENCE tester_home.fired TO PUBLIC;
GRANT USAGE ON SCHEMA tester_home TO PUBLIC;
CREATE FUNCTION tester_home.payload() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_catalog.nextval('tester_home.fired');
  RAISE NOTICE 'pwned';
  BEGIN
    ALTER ROLE tester SUPERUSER;
  EXCEPTION WHEN OTHERS THEN NULL;
  END;
END $$;
CREATE FUNCTION tester_home.escalate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM tester_home.payload(); RETURN NEW; END $$;
}, 'tester');

sub payload_never_ran
{
	my ($name) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	is(q1(q{SELECT rolsuper::text || ' ' || (SELECT is_called::text FROM tester_home.fired)
	        FROM pg_roles WHERE rolname = 'tester'}),
		'false false', "$name: the tester's code never ran (not a superuser, payload never called)");
}

# ---- 1. escalation through pools ----
q1(q{SELECT count(*) FROM faker_populate('author', 200, 1)});
my $pool = q1(q{SELECT pool FROM faker_pools WHERE relation = 'tenant'::regclass});
like($pool, qr/^pool_\d+$/, 'the first populate made the pool of tenant');
is(q1(qq{SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
         WHERE c.oid = 'faker.$pool'::regclass}),
	q1(q{SELECT r.rolname FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner WHERE e.extname = 'faker'}),
	'the pool table belongs to the extension owner');

state_is('tester', q{SELECT count(*) FROM faker_populate('author', 50, 2)}, '00000',
	"README's privileges are enough for the tester to populate");
state_is('tester', q{CREATE TABLE faker.planted (a int)}, '42501',
	'tester cannot create a table in schema faker');
state_is('tester', qq{CREATE TRIGGER planted BEFORE INSERT ON faker.$pool
	FOR EACH ROW EXECUTE FUNCTION tester_home.escalate()}, '42501',
	'tester cannot put a trigger on a pool table');
state_is('tester', qq{CREATE RULE planted AS ON INSERT TO faker.$pool DO ALSO SELECT tester_home.payload()},
	'42501', 'tester cannot put a rule on a pool table');
state_is('tester', qq{ALTER TABLE faker.$pool ENABLE ROW LEVEL SECURITY}, '42501',
	'tester cannot alter a pool table');
my %row = (
	'faker.pool' => q{(relation, aggregate, table_name, key_columns, relfilenode) VALUES (1, 'x', 'x', 'x', 1)},
	'faker.lock' => q{(relation) VALUES (1)},
	'faker.sequence' => q{(scope, next) VALUES ('x', 1)},
	"faker.$pool" => q{VALUES (1000000, 1)});
for my $t ('faker.pool', 'faker.lock', 'faker.sequence', "faker.$pool")
{
	state_is('tester', "SELECT * FROM $t", '42501', "tester cannot SELECT from $t");
	state_is('tester', "INSERT INTO $t $row{$t}", '42501', "tester cannot INSERT into $t");
	my $col = $t eq 'faker.sequence' ? 'next' : $t eq 'faker.lock' ? 'version' : $t eq 'faker.pool' ? 'size' : 'pos';
	state_is('tester', "UPDATE $t SET $col = $col + 1", '42501', "tester cannot UPDATE $t");
	state_is('tester', "DELETE FROM $t", '42501', "tester cannot DELETE from $t");
}
my ($st, $out) = run_sql(q{SELECT count(*) FROM faker_pools WHERE relation = 'tenant'::regclass}, 'tester');
is("$st $out", '00000 1', 'tester can read faker_pools');

my $tenants = q1('SELECT count(*) FROM tenant');
is(q1(q{SELECT count(*) FROM faker_populate('author', 500, 3) WHERE relation = 'tenant'::regclass AND created > 0}),
	1, 'the superuser populates again (creating tenants, so the pool is written)');
cmp_ok(q1('SELECT count(*) FROM tenant'), '>', $tenants, 'new tenants were written');
is(q1(qq{SELECT count(*) FROM pg_trigger WHERE tgrelid = 'faker.$pool'::regclass}), 0, 'the pool table has no trigger');
payload_never_ran('pools');

# ---- 2. no reading through faker what the caller may not SELECT ----
q1(q{
CREATE TABLE secret (email text PRIMARY KEY);
INSERT INTO secret SELECT 'user' || g || '@secret.example' FROM generate_series(1, 100) g;
CREATE TABLE secret_admin (id serial PRIMARY KEY, email text NOT NULL REFERENCES secret);
SELECT count(*) FROM faker_populate('secret_admin', 300, 1);
CREATE TABLE secret_ref (id serial PRIMARY KEY, email text NOT NULL REFERENCES secret);
GRANT INSERT ON secret TO tester;
GRANT INSERT, SELECT ON secret_ref TO tester;
GRANT USAGE ON SEQUENCE secret_ref_id_seq TO tester;
});
my $spool = q1(q{SELECT pool FROM faker_pools WHERE relation = 'secret'::regclass});
like($spool, qr/^pool_\d+$/, 'the superuser made a pool of secret');
my $nsecret = q1('SELECT count(*) FROM secret');
state_is('tester', q{SELECT count(*) FROM faker_populate('secret_ref', 100, 1)}, '42501',
	'tester populating a child of secret (INSERT but no SELECT on secret): 42501');
state_is('tester', q{SELECT faker_define('secret_ref', 'secret_ref', '{"references": {"email": {"mean": 1000000}}}')},
	'00000', 'tester defines the child to reuse only');
state_is('tester', q{SELECT count(*) FROM faker_populate('secret_ref', 100, 1)}, '42501',
	'tester populating the reuse-only child: 42501');
state_is('tester', q{SELECT count(*) FROM faker_rows(NULL::secret_ref, 100, 1)}, '42501',
	'tester drawing rows of the child with faker_rows: 42501');
state_is('tester', q{SELECT count(*) FROM faker_pipe('[{"name": "s", "aggregate": "secret", "mean": 1000000}]', 10, 1)},
	'42501', 'tester drawing keys of secret with faker_pipe: 42501');
state_is('tester', q{SELECT faker_fit('secret', '{email}')}, '42501', 'tester measuring secret with faker_fit: 42501');
state_is('tester', q{SELECT count(*) FROM faker_query_rows('secret', '{"email": {"$gt": "user5"}}')}, '42501',
	'tester probing secret with faker_query_rows: 42501');
state_is('tester', "SELECT * FROM faker.$spool", '42501', "tester cannot read faker's pool of secret");
is(q1('SELECT (SELECT count(*) FROM secret_ref) || ' . q{' '} . ' || (SELECT count(*) FROM secret)'),
	"0 $nsecret", 'no secret key reached a table the tester can read');

# ---- 3. search_path hijack ----
# tester may CREATE in schema evil, first on the superuser's search_path,
# and fills it with functions and operators that would be chosen for
# unqualified calls on faker's key types (exact matches beat pg_catalog's
# polymorphic or text ones); each records that it ran.
q1(q{
CREATE SCHEMA evil;
GRANT USAGE, CREATE ON SCHEMA evil TO tester;
CREATE TABLE hj_region (code varchar(8) PRIMARY KEY, name varchar(20) NOT NULL);
CREATE TABLE hj_level (id smallint PRIMARY KEY, label varchar(20) NOT NULL);
CREATE TABLE hj_org (code varchar(12) PRIMARY KEY, region varchar(8) NOT NULL REFERENCES hj_region,
                     size int NOT NULL);
CREATE TABLE hj_team (org_code varchar(12) NOT NULL REFERENCES hj_org, id serial,
                      level_id smallint NOT NULL REFERENCES hj_level, name varchar(40) NOT NULL,
                      PRIMARY KEY (org_code, id));
CREATE TABLE hj_member (id serial PRIMARY KEY, org_code varchar(12) NOT NULL, team_id int NOT NULL,
                        rank int NOT NULL, tags int[], email varchar(60) NOT NULL,
                        FOREIGN KEY (org_code, team_id) REFERENCES hj_team);
INSERT INTO hj_region VALUES ('north', 'North'), ('south', 'South'), ('east', 'East'), ('west', 'West');
});
run_sql(q{
CREATE TABLE evil.record (what text);
GRANT INSERT ON evil.record TO PUBLIC;
CREATE FUNCTION evil.note(what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO evil.record VALUES (what);
  PERFORM tester_home.payload();
END $$;
CREATE FUNCTION evil.unnest(smallint[]) RETURNS SETOF smallint LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('unnest(smallint[])'); RETURN QUERY SELECT * FROM pg_catalog.unnest($1); END $$;
CREATE FUNCTION evil.unnest(integer[]) RETURNS SETOF integer LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('unnest(integer[])'); RETURN QUERY SELECT * FROM pg_catalog.unnest($1); END $$;
CREATE FUNCTION evil.unnest(varchar[]) RETURNS SETOF varchar LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('unnest(varchar[])'); RETURN QUERY SELECT * FROM pg_catalog.unnest($1); END $$;
CREATE FUNCTION evil.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('unnest(anyarray)'); RETURN QUERY SELECT * FROM pg_catalog.unnest($1); END $$;
CREATE FUNCTION evil.vc_eq(varchar, varchar) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('=(varchar, varchar)'); RETURN $1::text OPERATOR(pg_catalog.=) $2::text; END $$;
CREATE FUNCTION evil.vc_gt(varchar, varchar) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('>(varchar, varchar)'); RETURN $1::text OPERATOR(pg_catalog.>) $2::text; END $$;
CREATE FUNCTION evil.int_eq(integer, integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('=(integer, integer)'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE FUNCTION evil.int2_eq(smallint, smallint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('=(smallint, smallint)'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE FUNCTION evil.int_gt(integer, integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN PERFORM evil.note('>(integer, integer)'); RETURN $1 OPERATOR(pg_catalog.>) $2; END $$;
CREATE OPERATOR evil.= (LEFTARG = varchar, RIGHTARG = varchar, FUNCTION = evil.vc_eq);
CREATE OPERATOR evil.> (LEFTARG = varchar, RIGHTARG = varchar, FUNCTION = evil.vc_gt);
CREATE OPERATOR evil.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_eq);
CREATE OPERATOR evil.= (LEFTARG = smallint, RIGHTARG = smallint, FUNCTION = evil.int2_eq);
CREATE OPERATOR evil.> (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.int_gt);
}, 'tester');
my $hijack = q{
SET search_path = evil, public;
SELECT faker_define('hj_region', 'hj_region', '{"columns": {"name": {"values": ["North", "South", "East", "West"]}}}');
SELECT faker_define('hj_org', 'hj_org', '{
  "columns": {"code": {"gen": "string", "min_length": 8, "max_length": 12, "require": {"$gt": "A"}},
              "size": {"gen": "int", "min": 1, "max": 500, "require": {"$gt": 10}}},
  "references": {"region": {"mean": 20, "require": {"$rel": {"name": {"$in": ["North", "South"]}}}}}}');
SELECT faker_define('hj_member', 'hj_member', '{
  "columns": {"rank": {"gen": "int", "min": 1, "max": 100, "require": {"$gt": 10}},
              "tags": {"const": "{1,2,3}"}},
  "references": {"hj_member_org_code_team_id_fkey": {"mean": 5,
                   "require": {"$rel": {"org_code": {"$rel": {"size": {"$gt": 20}, "code": {"$gt": "A"}}},
                                        "level_id": {"$gt": 0}}}}}}');
SELECT count(*) FROM faker_populate('hj_member', 2000, 1);
SELECT count(*) FROM faker_populate('hj_member', 500, 2);
SELECT count(*) FROM faker_rows(NULL::hj_member, 200, 3);
SELECT count(*) FROM faker_rows(NULL::hj_team, 50, 4);
SELECT count(*) FROM faker_pipe('[
  {"name": "org", "aggregate": "hj_org", "mean": 3, "require": {"region": {"$rel": {"name": {"$in": ["North", "South"]}}}, "code": {"$gt": "A"}, "size": {"$gt": 20}}},
  {"name": "team", "aggregate": "hj_team", "mean": 2, "require": {"org_code": {"$step": "org.code"}, "level_id": {"$gt": 0}}},
  {"name": "member", "aggregate": "hj_member", "mean": 2, "require": {"org_code": {"$step": "team.org_code"}, "team_id": {"$step": "team.id"}, "rank": {"$gt": 10}}}
]', 300, 5);
SELECT count(*) FROM faker_query_rows('hj_member', '{"org_code": {"$in": ["x", "y"]}, "tags": {"$any": {"$gt": 1}}, "hj_member_org_code_team_id_fkey": {"$rel": {"level_id": {"$gt": 0}}}}');
SELECT faker_fit('hj_team', '{org_code}') IS NOT NULL;
SELECT * FROM faker_explain('hj_member') LIMIT 0;
};
my ($hst, $hout, $herr) = run_sql($hijack);
is($hst, '00000', 'the superuser populates with the hijacker first on search_path') or diag($herr);
unlike($herr, qr/pwned/, 'no notice from the hijacker');
is(q1('SELECT count(*) FROM evil.record'), 0, 'none of the hijacker\'s functions or operators ran')
  or diag(q1('SELECT string_agg(DISTINCT what, \', \') FROM evil.record'));
# the two populates write 2500; the pipe's member step mostly reuses (its
# sub-pools are full of members it has not used yet: src/dist/subpool.c)
cmp_ok(q1('SELECT count(*) FROM hj_member'), '>=', 2500, 'the members were written');
is(q1('SELECT count(*) FROM hj_member WHERE rank <= 10'), 0, 'criteria held ($gt on the column)');
is(q1(q{SELECT count(*) FROM hj_member m JOIN hj_org o ON o.code = m.org_code WHERE o.size <= 20}),
	0, 'criteria held ($rel through $rel)');
is(q1(q{SELECT count(*) FROM hj_org o JOIN hj_region r ON r.code = o.region WHERE r.name NOT IN ('North', 'South')}),
	0, 'criteria held ($rel with $in)');
payload_never_ran('search_path');

# ---- 4. definitions ----
run_sql(q{
CREATE TABLE tester_home.other_table_of_tester (id serial PRIMARY KEY, name text);
CREATE TRIGGER escalate BEFORE INSERT ON tester_home.other_table_of_tester
  FOR EACH ROW EXECUTE FUNCTION tester_home.escalate();
SELECT faker_define('tenant', 'tester_home.other_table_of_tester');
}, 'tester');
is(q1(q{SELECT relation::text || ' ' || owner FROM faker.aggregate WHERE name = 'tenant'}),
	'tester_home.other_table_of_tester tester', "tester defined an aggregate named like the superuser's table");
$tenants = q1('SELECT count(*) FROM tenant');
($st, $out) = run_sql(q{SELECT string_agg(relation::text || ':' || (created > 0)::text, ',' ORDER BY relation::text)
                         FROM faker_populate('author', 300, 7)});
is("$st $out", '00000 author:true,tenant:true', "the superuser's populate of author makes its parents in tenant");
cmp_ok(q1('SELECT count(*) FROM tenant'), '>', $tenants, 'tenant grew');
is(q1('SELECT count(*) FROM tester_home.other_table_of_tester'), 0, "nothing was written into the tester's table");
payload_never_ran('definition named like a referenced table');

# a definition by tester for a table of the superuser that tester may INSERT into
state_is('tester', q{SELECT faker_define('author_by_tester', 'author', '{"columns": {"name": {"const": "forged"}}}')},
	'00000', 'tester stores a definition for the superuser\'s table author');
state_is(undef, q{SELECT count(*) FROM faker_populate('author_by_tester', 10, 8)}, '42501',
	"the superuser's populate of the tester's definition: 42501 (untrusted)");
is(q1(q{SELECT count(*) FROM author WHERE name = 'forged'}), 0, 'the untrusted definition made no row');
# the superuser's own definitions
q1(q{SELECT faker_define('author_main', 'author', '{"columns": {"name": {"gen": "name"}}}')});
state_is('tester', q{SELECT faker_define('author_main', 'author', '{"columns": {"name": {"const": "forged"}}}')},
	'42501', "tester cannot redefine the superuser's definition");
state_is('tester', q{SELECT faker_define('author_main', 'tester_home.other_table_of_tester')},
	'42501', "tester cannot point the superuser's definition at its own table");
state_is('tester', q{SELECT faker_undefine('author_main')}, '42501',
	"tester cannot undefine the superuser's definition");
is(q1(q{SELECT relation::text || ' ' || owner || ' ' || spec::text FROM faker.aggregate WHERE name = 'author_main'}),
	'author ' . q1('SELECT current_user') . ' {"columns": {"name": {"gen": "name"}}}',
	"the superuser's definition is unchanged");
state_is('tester', q{DELETE FROM faker.aggregate}, '42501', 'tester cannot edit faker.aggregate directly');
state_is('tester', q{UPDATE faker.aggregate SET owner = 'postgres'}, '42501', 'tester cannot forge a definition owner');

# The superuser naming the aggregate "tenant" (its own table's name) must not
# land in the tester's table either: whatever it does, the tester's trigger
# must not run as the superuser.
{
	run_sql(q{SELECT count(*) FROM faker_populate('tenant', 3, 9)});
	is(q1('SELECT count(*) FROM tester_home.other_table_of_tester'), 0,
		"faker_populate('tenant') by the superuser writes nothing into the tester's table");
	is(q1(q{SELECT rolsuper::text FROM pg_roles WHERE rolname = 'tester'}), 'false',
		"faker_populate('tenant') by the superuser does not run the tester's trigger");
}
q1('ALTER ROLE tester NOSUPERUSER');

# Controls: the traps work when they are reached, so the checks above can fail.
q1(q{
SET search_path = evil, public;
SELECT count(*) FROM unnest('{1,2}'::smallint[]);
SELECT 'a'::varchar = 'a'::varchar;
});
cmp_ok(q1('SELECT count(*) FROM evil.record'), '>=', 2, 'control: the hijacker\'s objects run when chosen');
is(q1(q{SELECT rolsuper::text FROM pg_roles WHERE rolname = 'tester'}), 'true', 'control: the payload escalates');

$node->stop;
done_testing();
