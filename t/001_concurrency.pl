# Several sessions populating the same aggregates at once, pool setup
# racing, and cancellation of a long call.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use Time::HiRes qw(time usleep);

my $node = PostgreSQL::Test::Cluster->new('main');
$node->init;
$node->append_conf('postgresql.conf', "fsync = off\nmax_connections = 20");
$node->start;

$node->safe_psql('postgres', q{
CREATE EXTENSION faker;
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE author (tenant_id int NOT NULL REFERENCES tenant, id serial, name text NOT NULL,
                     PRIMARY KEY (tenant_id, id));
CREATE TABLE book (tenant_id int NOT NULL REFERENCES tenant, id serial, author_id int NOT NULL,
                   isbn text NOT NULL UNIQUE, PRIMARY KEY (tenant_id, id),
                   FOREIGN KEY (tenant_id, author_id) REFERENCES author);
SELECT faker_define('book', 'book', '{
  "columns": {"isbn": {"gen": "digits", "length": 13}},
  "references": {"book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 100},
                 "book_tenant_id_author_id_fkey": {"skew": 2, "mean": 10}}}');
});

my $script = "$PostgreSQL::Test::Utils::tmp_check/populate.sql";
open my $fh, '>', $script or die;
print $fh "SELECT count(*) FROM faker_populate('book', 500);\n";
close $fh;

# Two sessions, then four: every call succeeds (the first calls also race to
# set up the pools).
for my $clients (2, 4)
{
	$node->command_ok(
		[ 'pgbench', '-n', '-c', $clients, '-j', 2, '-t', 5, '-f', $script,
		  '-h', $node->host, '-p', $node->port, 'postgres' ],
		"$clients sessions populate the same aggregates at once");
}
is($node->safe_psql('postgres', 'SELECT count(*) FROM book'), 500 * 5 * 6, 'every row was written');
is($node->safe_psql('postgres', 'SELECT count(*) - count(DISTINCT isbn) FROM book'), 0, 'no duplicate unique values');

# Pools agree with their tables: same size, every key present, no duplicates.
my $bad = $node->safe_psql('postgres', q{
DO $$ DECLARE r record; n bigint; BEGIN
  FOR r IN SELECT p.aggregate, p.table_name, p.relation::regclass AS relation,
                  (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
                    WHERE a.attrelid = ('faker.' || quote_ident(p.table_name))::regclass
                      AND a.attnum > 1 AND NOT a.attisdropped) AS key_columns
           FROM faker.pool p LOOP
    EXECUTE format('SELECT (SELECT count(*) FROM faker.%I) - (SELECT count(*) FROM %s)', r.table_name, r.relation) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % differs from its table by %', r.aggregate, n; END IF;
    EXECUTE format('SELECT count(*) FROM (SELECT %s FROM faker.%I EXCEPT SELECT %s FROM %s) s',
                   r.key_columns, r.table_name, r.key_columns, r.relation) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % has % keys not in its table', r.aggregate, n; END IF;
  END LOOP; END $$;
SELECT count(*) FROM faker_pools});
ok($bad >= 2, 'pools are consistent with their tables');

# Pool setup racing after a reset: four sessions set up the same pools.
$node->safe_psql('postgres', 'SELECT faker_reset()');
$node->command_ok(
	[ 'pgbench', '-n', '-c', 4, '-j', 2, '-t', 1, '-f', $script,
	  '-h', $node->host, '-p', $node->port, 'postgres' ],
	'concurrent first use of a pool never errors');
is($node->safe_psql('postgres', q{SELECT size FROM faker_pools WHERE aggregate = 'tenant'}),
	$node->safe_psql('postgres', 'SELECT count(*) FROM tenant'), 'the pool adopted every existing row once');

# Cancellation: pg_cancel_backend stops a 10M-row call promptly, and
# nothing of it remains.
$node->safe_psql('postgres', q{
CREATE TABLE big_parent (id serial PRIMARY KEY);
CREATE TABLE big (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES big_parent, note text);});
my ($out, $err) = ('', '');
my $h = IPC::Run::start(
	[ 'psql', '-X', '-d', $node->connstr('postgres'), '-c',
	  "SELECT * FROM faker_populate('big', 10000000)" ],
	'>', \$out, '2>', \$err);
my $pid = '';
for (1 .. 100)
{
	$pid = $node->safe_psql('postgres',
		q{SELECT pid FROM pg_stat_activity WHERE query LIKE '%faker_populate(''big''%' AND pid <> pg_backend_pid()});
	last if $pid ne '';
	usleep(100_000);
}
ok($pid ne '', 'the long call is running');
sleep 2;
my $t0 = time;
$node->safe_psql('postgres', "SELECT pg_cancel_backend($pid)");
$h->finish;
my $elapsed = time - $t0;
like($err, qr/canceling statement due to user request/, 'the call was cancelled');
cmp_ok($elapsed, '<', 2, sprintf('it stopped within %.2f s of the cancel', $elapsed));
is($node->safe_psql('postgres', 'SELECT (SELECT count(*) FROM big) + (SELECT count(*) FROM big_parent)'),
	0, 'nothing of the cancelled call remains');
is($node->safe_psql('postgres', q{SELECT count(*) FROM faker_pools WHERE aggregate = 'big_parent'}),
	0, 'not even its pool');

$node->stop;
done_testing();
