# Calls serialise on rows of faker.lock (faker--1.2--1.3.sql): under
# REPEATABLE READ or SERIALIZABLE a call whose snapshot predates another
# session's committed call on the same tables fails with 40001 and a retry
# succeeds; under READ COMMITTED concurrent calls queue and both succeed.
# Then statement_timeout and pg_cancel_backend stop a pipe whose iterations
# only reuse.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time usleep);
use FakerNode;

my $node = faker_node('iso', conf => 'max_connections = 20',
	sql => $BOOKS_SQL . q{SELECT count(*) FROM faker_populate('book', 200, 1);});
my $expected_books = 200;
my $populate = q{SELECT count(*) FROM faker_populate('book', 200)};

# A new transaction at LEVEL that populates and commits: the three SQLSTATEs.
sub retry
{
	my ($s, $level) = @_;
	return join(' ', state_of($s, "BEGIN ISOLATION LEVEL $level"), state_of($s, $populate), state_of($s, 'COMMIT'));
}

my $a = faker_session($node);
my $b = faker_session($node);
my $apid = pid_of($a);

for my $level ('REPEATABLE READ', 'SERIALIZABLE')
{
	# A's snapshot predates B's committed call.
	is(state_of($a, "BEGIN ISOLATION LEVEL $level; SELECT 1"), '00000', "$level: A takes its snapshot");
	$node->safe_psql('postgres', $populate);
	$expected_books += 200;
	is(state_of($a, $populate), '40001', "$level: A's call after B committed fails with 40001");
	is(state_of($a, 'ROLLBACK'), '00000', "$level: A rolls back");
	is(retry($a, $level), '00000 00000 00000', "$level: A's retry succeeds");
	$expected_books += 200;

	# Both in transactions started at once: A's call waits for B's, then fails.
	is(state_of($a, "BEGIN ISOLATION LEVEL $level; SELECT 1"), '00000', "$level: A begins");
	is(state_of($b, "BEGIN ISOLATION LEVEL $level; SELECT 1"), '00000', "$level: B begins");
	is(state_of($b, $populate), '00000', "$level: B's call succeeds");
	start_async($a, $populate);
	ok(waits_on_lock($node, $apid), "$level: A's call waits for B's transaction");
	is(state_of($b, 'COMMIT'), '00000', "$level: B commits");
	$expected_books += 200;
	is(finish_async($a), '40001', "$level: then A's call fails with 40001");
	is(state_of($a, 'ROLLBACK'), '00000', "$level: A rolls back");
	is(retry($a, $level), '00000 00000 00000', "$level: A's retry succeeds");
	$expected_books += 200;
}

# READ COMMITTED: B's call queues behind A's transaction, then succeeds.
is(state_of($a, "BEGIN; $populate"), '00000', 'READ COMMITTED: A populates in a transaction');
my $bpid = pid_of($b);
start_async($b, $populate);
ok(waits_on_lock($node, $bpid), "READ COMMITTED: B's call waits for A's transaction");
is(state_of($a, 'COMMIT'), '00000', 'READ COMMITTED: A commits');
is(finish_async($b), '00000', "READ COMMITTED: B's call then succeeds");
$expected_books += 400;
# and two calls racing outside explicit transactions both succeed
start_async($b, $populate);
is(state_of($a, $populate), '00000', 'READ COMMITTED: two racing autocommit calls: A succeeds');
is(finish_async($b), '00000', 'READ COMMITTED: two racing autocommit calls: B succeeds');
$expected_books += 400;

is($node->safe_psql('postgres', 'SELECT count(*) FROM book'), $expected_books, 'every committed call wrote its rows, no other');
is($node->safe_psql('postgres', 'SELECT count(*) - count(DISTINCT isbn) FROM book'), 0, 'no duplicate unique values');
my $pools = pools_consistent($node);
is($pools, 2, 'the pools of tenant and author hold each key of their tables exactly once');

# ---- statement_timeout and cancel on a pipe that only reuses ----
my $pipe = q{SELECT count(*) FROM faker_pipe('[{"name": "t", "aggregate": "tenant", "mean": 1000000}]', 50000000)};
my $t0 = time;
my ($ret, $out, $err) = $node->psql('postgres', "SET statement_timeout = '1s'; $pipe");
my $elapsed = time - $t0;
like($err, qr/canceling statement due to statement timeout/, 'statement_timeout stops the reuse-only pipe');
cmp_ok($elapsed, '<', 3, sprintf('within 2 s of the 1 s timeout (%.2f s in all)', $elapsed));

start_async($a, $pipe);
usleep(1_000_000);
$t0 = time;
$node->safe_psql('postgres', "SELECT pg_cancel_backend($apid)");
my $st = finish_async($a);
$elapsed = time - $t0;
is($st, '57014', 'pg_cancel_backend stops the reuse-only pipe');
cmp_ok($elapsed, '<', 2, sprintf('within 2 s of the cancel (%.2f s)', $elapsed));

$a->quit;
$b->quit;
$node->stop;
done_testing();
