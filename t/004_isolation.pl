# Calls serialise on rows of faker.lock (faker--1.2--1.3.sql): under
# REPEATABLE READ or SERIALIZABLE a call whose snapshot predates another
# session's committed call on the same tables fails with 40001 and a retry
# succeeds; under READ COMMITTED concurrent calls queue and both succeed.
# Then statement_timeout and pg_cancel_backend stop a pipe whose iterations
# only reuse.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time usleep);

my $node = PostgreSQL::Test::Cluster->new('iso');
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
SELECT count(*) FROM faker_populate('book', 200, 1);
});
my $expected_books = 200;
my $populate = q{SELECT count(*) FROM faker_populate('book', 200)};

# A psql session in the background; errors do not end it.
sub session
{
	my $s = $node->background_psql('postgres', on_error_stop => 0);
	$s->query_safe('SET faker.progress = off');
	return $s;
}

# Run SQL in session S and return its SQLSTATE ('00000' on success).
sub state_of
{
	my ($s, $sql) = @_;
	$s->{stderr} = '';
	my $out = $s->query("$sql;\n\\echo SQLSTATE=:SQLSTATE");
	return $out =~ /SQLSTATE=(\w+)/ ? $1 : "none: $out / $s->{stderr}";
}

# Send SQL to S without waiting for it; finish_async returns its SQLSTATE.
sub start_async
{
	my ($s, $sql) = @_;
	$s->{stderr} = '';
	$s->query_until(qr/async-started/, "\\echo async-started\n$sql;\n\\echo SQLSTATE=:SQLSTATE\n");
}

sub finish_async
{
	my ($s) = @_;
	my $out = $s->query_until(qr/SQLSTATE=\w+/, '');
	return $out =~ /SQLSTATE=(\w+)/ ? $1 : "none: $out";
}

# A new transaction at LEVEL that populates and commits: the three SQLSTATEs.
sub retry
{
	my ($s, $level) = @_;
	return join(' ', state_of($s, "BEGIN ISOLATION LEVEL $level"), state_of($s, $populate), state_of($s, 'COMMIT'));
}

sub pid_of { my ($s) = @_; my $p = $s->query_safe('SELECT pg_backend_pid()'); chomp $p; return $p; }

# Is backend PID waiting on a heavyweight lock (up to 10 s)?
sub waits_on_lock
{
	my ($pid) = @_;
	for (1 .. 100)
	{
		return 1 if $node->safe_psql('postgres',
			"SELECT wait_event_type FROM pg_stat_activity WHERE pid = $pid") eq 'Lock';
		usleep(100_000);
	}
	return 0;
}

my $a = session();
my $b = session();
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
	ok(waits_on_lock($apid), "$level: A's call waits for B's transaction");
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
ok(waits_on_lock($bpid), "READ COMMITTED: B's call waits for A's transaction");
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
my $pools = $node->safe_psql('postgres', q{
DO $$ DECLARE r record; n bigint; BEGIN
  FOR r IN SELECT p.aggregate, p.table_name, p.size, p.relation::regclass AS relation,
                  (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
                    WHERE a.attrelid = ('faker.' || quote_ident(p.table_name))::regclass
                      AND a.attnum > 1 AND NOT a.attisdropped) AS key_columns
           FROM faker.pool p LOOP
    EXECUTE format('SELECT (SELECT count(*) FROM %s) - %s', r.relation, r.size) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool size of % differs from its table by %', r.aggregate, n; END IF;
    EXECUTE format('SELECT count(*) - count(DISTINCT (%s)) FROM faker.%I', r.key_columns, r.table_name) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % has % duplicate keys', r.aggregate, n; END IF;
    EXECUTE format('SELECT count(*) FROM (SELECT %s FROM %s EXCEPT SELECT %s FROM faker.%I) s',
                   r.key_columns, r.relation, r.key_columns, r.table_name) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % misses % keys of its table', r.aggregate, n; END IF;
  END LOOP; END $$;
SELECT count(*) FROM faker.pool});
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
