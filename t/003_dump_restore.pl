# pg_dump / pg_restore: definitions and sequence counters are dumped, pools
# (extension members) are not, and a restored database is populated further
# with valid foreign keys and without counting the restored rows twice.
# Also pools staying consistent with their tables when one aggregate is
# reached both as a parent and directly.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use FakerNode;

my $node = faker_node('dump', db => 'src', sql => q{
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES tenant, name text NOT NULL);
CREATE TABLE book (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES author, title text NOT NULL);
SELECT faker_define('tenant', 'tenant', '{"columns": {"name": {"gen": "sequence", "format": "Tenant %s"}}}');
SELECT faker_define('author', 'author', '{"references": {"tenant_id": {"mean": 10}}}');
SELECT faker_define('book', 'book', '{"columns": {"title": {"gen": "sentence", "words": 3}},
  "references": {"author_id": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 20}}}');
SELECT count(*) FROM faker_populate('book', 10000, 1);
});

sub q1 { my ($db, $sql) = @_; return $node->safe_psql($db, $sql); }

my $defs_sql = q{SELECT string_agg(name || ' ' || relation::text || ' ' || owner || ' ' || spec::text, E'\n' ORDER BY name)
                 FROM faker.aggregate};
my $seq_sql = q{SELECT string_agg(scope || '=' || next, ',' ORDER BY scope) FROM faker.sequence};
my $defs = q1('src', $defs_sql);
my $seqs = q1('src', $seq_sql);
is(q1('src', 'SELECT count(*) FROM faker_pools'), 2, 'the source database has pools of tenant and author');
like($seqs, qr/^tenant\.name=\d+$/, 'and a sequence counter');

my $dump = "$PostgreSQL::Test::Utils::tmp_check/src.dump";
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('src') ], 'pg_dump -Fc');
$node->command_ok([ 'createdb', '-h', $node->host, '-p', $node->port, 'restored' ], 'createdb');
$node->command_ok([ 'pg_restore', '--exit-on-error', '-d', $node->connstr('restored'), $dump ], 'pg_restore');

is(q1('restored', q{SELECT extversion FROM pg_extension WHERE extname = 'faker'}),
	q1('src', q{SELECT extversion FROM pg_extension WHERE extname = 'faker'}), 'the extension is restored at its version');
is(q1('restored', 'SELECT count(*) FROM faker_pools'), 0, 'no pool is restored (pools are extension members)');
is(q1('restored', q{SELECT count(*) FROM pg_class WHERE relnamespace = 'faker'::regnamespace AND relname ~ '^pool_[0-9]+$'}),
	0, 'no pool table either');
is(q1('restored', $defs_sql), $defs, 'faker.aggregate is restored (names, tables, owners, specs)');
is(q1('restored', $seq_sql), $seqs, 'faker.sequence is restored');

my %before = map { $_ => q1('restored', "SELECT count(*) FROM $_") } qw(tenant author book);
my $maxauthor = q1('restored', 'SELECT max(id) FROM author');
my $res = q1('restored', q{SELECT string_agg(aggregate || ':' || created || ':' || reused, ' ' ORDER BY aggregate)
                           FROM faker_populate('book', 1000, 2)});
note("restored populate: $res");
is(q1('restored', 'SELECT count(*) FROM book'), $before{book} + 1000, '1000 books added in the restored database');
my $grown = q1('restored', 'SELECT count(*) FROM author') - $before{author};
cmp_ok($grown, '>=', 40, "authors grew by about 1000/20 ($grown), not fewer");
cmp_ok($grown, '<=', 60, "authors grew by about 1000/20 ($grown), not more: the restored authors were reused");
cmp_ok(q1('restored', "SELECT count(*) FROM book WHERE id > (SELECT max(id) FROM book) - 1000 AND author_id <= $maxauthor"),
	'>', 500, 'most new books reference restored authors');
is(q1('restored', q{SELECT (SELECT count(*) FROM book b WHERE NOT EXISTS (SELECT 1 FROM author a WHERE a.id = b.author_id))
                         + (SELECT count(*) FROM author a WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = a.tenant_id))}),
	0, 'every foreign key is valid');

# Each pool holds every row of its table exactly once.
my $pool_check = q{
SELECT string_agg(p.relation::regclass::text || ':' ||
                  (p.size = CASE p.relation WHEN 'author'::regclass THEN (SELECT count(*) FROM author)
                                            WHEN 'tenant'::regclass THEN (SELECT count(*) FROM tenant) END)::text,
                  ' ' ORDER BY p.relation::regclass::text)
FROM faker.pool p WHERE p.relation IN ('author'::regclass, 'tenant'::regclass)};
is(q1('restored', $pool_check), 'author:true tenant:true', 'after the call each pool is as large as its table');
my $dups = q1('restored', q{
DO $$ DECLARE r record; n bigint; BEGIN
  FOR r IN SELECT p.table_name, p.relation::regclass AS rel FROM faker.pool p LOOP
    EXECUTE format('SELECT (SELECT count(*) FROM faker.%I) - (SELECT count(DISTINCT id) FROM faker.%I)', r.table_name, r.table_name) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % has % duplicate keys', r.rel, n; END IF;
    EXECUTE format('SELECT count(*) FROM faker.%I q WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE t.id = q.id)', r.table_name, r.rel) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % has % keys not in the table', r.rel, n; END IF;
  END LOOP; END $$;
SELECT 'clean'});
is($dups, 'clean', 'no pool holds a key twice or a key its table lacks');
is(q1('restored', 'SELECT count(*) - count(DISTINCT name) FROM tenant'), 0,
	'the restored sequence counter continues (no tenant name made twice)');
cmp_ok(q1('restored', 'SELECT count(*) FROM tenant'), '>', $before{tenant}, 'new tenants were made by that call');

# An aggregate that has a pool (it is referenced) populated directly: the
# new rows go to the end of its pool.
{
	my ($ret, $out, $err) = $node->psql('restored', q{SELECT count(*) FROM faker_populate('author', 30, 3)});
	is("$ret " . q1('restored', $pool_check), '0 author:true tenant:true',
		'faker_populate of a pooled parent (author) succeeds and its pool stays as large as its table') or diag($err);
}

# A pipe step that pins a reference through $step must not make rows that
# break the criteria of the aggregate's own definition of that reference.
q1('restored', q{
CREATE TABLE org (id serial PRIMARY KEY, size int NOT NULL);
CREATE TABLE team (id serial PRIMARY KEY, org_id int NOT NULL REFERENCES org);
CREATE TABLE member (id serial PRIMARY KEY, team_id int NOT NULL REFERENCES team);
SELECT faker_define('org', 'org', '{"columns": {"size": {"gen": "int", "min": 1, "max": 1000}}}');
SELECT faker_define('member', 'member',
  '{"references": {"team_id": {"require": {"$rel": {"org_id": {"$rel": {"size": {"$gt": 500}}}}}}}}');
});
{
	$node->psql('restored', q{SELECT count(*) FROM faker_pipe('[{"name": "team", "aggregate": "team", "mean": 1},
	  {"name": "m", "aggregate": "member", "mean": 1, "require": {"team_id": {"$step": "team.id"}}}]', 100, 1)});
	is(q1('restored', q{SELECT count(*) FROM member m JOIN team t ON t.id = m.team_id JOIN org o ON o.id = t.org_id
	                    WHERE o.size <= 500}), 0,
		'no member belongs to an org its definition excludes (an error is fine, a wrong row is not)');
}

$node->stop;
done_testing();
