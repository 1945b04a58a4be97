# FakerNode: what the TAP tests share.  A node with faker installed, and
# background psql sessions driven statement by statement (a call started
# in one session while another holds its locks, the SQLSTATE of each).
# scripts/test.sh and scripts/tap.sh put this folder on PERL5LIB.
package FakerNode;

use strict;
use warnings;
use Exporter 'import';
use PostgreSQL::Test::Cluster;
use Time::HiRes qw(usleep);

our @EXPORT = qw(faker_node faker_session state_of start_async finish_async
  pid_of waits_on_lock pools_consistent $BOOKS_SQL);

# The tables the concurrency tests fill: tenants, their authors and books
# (composite foreign key, a UNIQUE column), defined with skewed references.
our $BOOKS_SQL = q{
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
};

# A started node NAME (fsync off, plus the postgresql.conf lines of
# conf => "..."), with CREATE EXTENSION faker and the statements of
# sql => "..." run in database db => (postgres; created when another).
sub faker_node
{
	my ($name, %opt) = @_;
	my $db = $opt{db} // 'postgres';
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init;
	$node->append_conf('postgresql.conf',
		join("\n", 'fsync = off', defined $opt{conf} ? $opt{conf} : ()));
	$node->start;
	$node->safe_psql('postgres', "CREATE DATABASE $db") if $db ne 'postgres';
	$node->safe_psql($db, "CREATE EXTENSION faker;\n" . ($opt{sql} // ''));
	return $node;
}

# A psql session of NODE in the background; errors do not end it.
# Progress notices are off: they would interleave with the output read.
sub faker_session
{
	my ($node) = @_;
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
	$s->query_until(qr/async-started/,
		"\\echo async-started\n$sql;\n\\echo SQLSTATE=:SQLSTATE\n");
	return;
}

sub finish_async
{
	my ($s) = @_;
	my $out = $s->query_until(qr/SQLSTATE=\w+/, '');
	return $out =~ /SQLSTATE=(\w+)/ ? $1 : "none: $out";
}

# The backend pid of session S.
sub pid_of
{
	my ($s) = @_;
	my $p = $s->query_safe('SELECT pg_backend_pid()');
	chomp $p;
	return $p;
}

# Is backend PID of NODE waiting on a heavyweight lock (polled for 10 s)?
sub waits_on_lock
{
	my ($node, $pid) = @_;
	for (1 .. 200)
	{
		return 1
		  if $node->safe_psql('postgres',
			"SELECT wait_event_type FROM pg_stat_activity WHERE pid = $pid") eq 'Lock';
		usleep(50_000);
	}
	return 0;
}

# Do the pools of NODE agree with their tables?  For each pool: the size
# in the registry and the rows of its pool table are the table's row count,
# and no key is twice in the pool nor missing from it (so the keys are the
# table's exactly).  Returns the number of pools; a disagreement is an
# error naming the pool.
sub pools_consistent
{
	my ($node) = @_;
	return $node->safe_psql('postgres', q{
DO $$ DECLARE r record; n bigint; BEGIN
  FOR r IN SELECT p.aggregate, p.table_name, p.size, p.relation::regclass AS relation,
                  (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
                    WHERE a.attrelid = ('faker.' || quote_ident(p.table_name))::regclass
                      AND a.attnum > 1 AND NOT a.attisdropped) AS key_columns
           FROM faker.pool p LOOP
    EXECUTE format('SELECT (SELECT count(*) FROM %s) - %s', r.relation, r.size) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool size of % differs from its table by %', r.aggregate, n; END IF;
    EXECUTE format('SELECT (SELECT count(*) FROM faker.%I) - (SELECT count(*) FROM %s)', r.table_name, r.relation) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool table of % differs from its table by % rows', r.aggregate, n; END IF;
    EXECUTE format('SELECT count(*) - count(DISTINCT (%s)) FROM faker.%I', r.key_columns, r.table_name) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % has % duplicate keys', r.aggregate, n; END IF;
    EXECUTE format('SELECT count(*) FROM (SELECT %s FROM %s EXCEPT SELECT %s FROM faker.%I) s',
                   r.key_columns, r.relation, r.key_columns, r.table_name) INTO n;
    IF n <> 0 THEN RAISE EXCEPTION 'pool of % misses % keys of its table', r.aggregate, n; END IF;
  END LOOP; END $$;
SELECT count(*) FROM faker.pool});
}

1;
