# Calls that only reuse take no lock (src/model/call.c, CallLock): they run
# while another session's call that creates parents is still open, and a
# session's kept pool (src/model/cache.c) catches up with what others
# committed before it appends.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('readers');
$node->init;
$node->append_conf('postgresql.conf', "fsync = off\nmax_connections = 20");
$node->start;

$node->safe_psql('postgres', q{
CREATE EXTENSION faker;
CREATE TABLE customer (id bigserial PRIMARY KEY, name text);
CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer, amount int);
SELECT faker_define('orders', 'orders', '{"references": {"orders_customer_id_fkey": {"mean": 1000000}}}');
SELECT count(*) FROM faker_populate('customer', 5000, 1);
INSERT INTO orders SELECT * FROM faker_rows(NULL::orders, 10, 2);
});

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

my $a = session();
my $b = session();

my $pipe = q{SELECT count(*) FROM (SELECT * FROM faker_pipe('[{"name": "c", "aggregate": "customer", "mean": 1000000}]', 20, 7)) p};

# B reads the pool once, so that it keeps it; a reader's first call
# measures its uses and writes them, under the locks, so it comes first
is(state_of($b, 'INSERT INTO orders SELECT * FROM faker_rows(NULL::orders, 5, 3)'), '00000', 'B draws');
is(state_of($b, $pipe), '00000', 'B runs a pipe');

# A creates customers and keeps its transaction open: it holds the call locks
is(state_of($a, 'BEGIN'), '00000', 'A begins');
is(state_of($a, "SELECT count(*) FROM faker_populate('customer', 10, 4)"), '00000', 'A creates parents');

# B only reuses: it does not wait for A (a wait would hit the timeout)
$b->query_safe("SET statement_timeout = '10s'");
is(state_of($b, 'INSERT INTO orders SELECT * FROM faker_rows(NULL::orders, 20, 5)'), '00000',
	'a call that only reuses runs while a creating call is open');
is(state_of($b, "SELECT count(*) FROM faker_populate('orders', 20, 6)"), '00000',
	'faker_populate that only reuses too');
is(state_of($b, $pipe), '00000', 'and a pipe');

# A commits; B (its pool kept from before) creates: it waits for nothing,
# reads A's entries first and appends after them
is(state_of($a, 'COMMIT'), '00000', 'A commits');
is(state_of($b, "SELECT count(*) FROM faker_populate('customer', 7, 8)"), '00000', 'B creates parents');
is(state_of($b, 'INSERT INTO orders SELECT * FROM faker_rows(NULL::orders, 50, 9)'), '00000', 'B draws again');

is($node->safe_psql('postgres', q{
SELECT (SELECT count(*) FROM customer) || ' ' || (SELECT size FROM faker_pools WHERE aggregate = 'customer')}),
	'5017 5017', 'the pool has every customer once');
my $pool = $node->safe_psql('postgres',
	q{SELECT 'faker.' || quote_ident(table_name) FROM faker.pool WHERE aggregate = 'customer'});
is($node->safe_psql('postgres', qq{
SELECT (SELECT count(*) FROM (SELECT id FROM $pool EXCEPT SELECT id FROM customer) s)
    || ' ' || (SELECT count(*) - count(DISTINCT id) FROM $pool)
    || ' ' || (SELECT max(pos) - min(pos) + 1 - count(*) FROM $pool)}),
	'0 0 0', 'no key outside the table, none twice, no gap in positions');

$a->quit;
$b->quit;
$node->stop;
done_testing();
