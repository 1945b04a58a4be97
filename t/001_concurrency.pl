# Several sessions populating the same aggregates at once, pool setup
# racing, and cancellation of a long call.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use Time::HiRes qw(time usleep);
use FakerNode;

my $node = faker_node('main', conf => 'max_connections = 20', sql => $BOOKS_SQL);

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
cmp_ok(pools_consistent($node), '>=', 2, 'pools are consistent with their tables');

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
