# Memory stays flat: a call's peak backend memory does not grow with its
# row count, also with criteria that read parents by SPI ($field through a
# foreign key: one lookup per row made; a reference's require with $rel).
# Peak = VmHWM of the backend (/proc/<pid>/status; the test runs as the
# server's OS user).  shared_buffers is small so that shared memory touched
# does not dominate the figure.
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(time);
use FakerNode;

my $node = faker_node('mem', conf => "shared_buffers = 16MB\nsynchronous_commit = off", sql => q{
CREATE TABLE company (id serial PRIMARY KEY, founded date NOT NULL, active boolean NOT NULL, name text NOT NULL);
CREATE TABLE employee (id serial PRIMARY KEY, company_id int NOT NULL REFERENCES company,
                       hired date NOT NULL, name text NOT NULL);
SELECT faker_define('company', 'company', '{"columns": {"founded": {"gen": "date", "min": "1950-01-01", "max": "2020-01-01"}}}');
SELECT faker_define('employee', 'employee', '{
  "columns": {"hired": {"gen": "date", "min": "1990-01-01", "max": "2030-01-01",
                        "require": {"$gte": {"$field": "company_id.founded"}}},
              "name": {"gen": "name"}},
  "references": {"company_id": {"mean": 100, "require": {"$rel": {"active": true}}}}}');
});

# Peak memory (kB) of a fresh backend that makes N employees, and seconds.
sub peak_kb
{
	my ($n) = @_;
	my $s = $node->background_psql('postgres', timeout => 600);
	my $pid = $s->query_safe('SELECT pg_backend_pid()');
	chomp $pid;
	$s->query_safe('SET faker.progress = off');
	my $t0 = time;
	my $made = $s->query_safe("SELECT created FROM faker_populate('employee', $n, $n) WHERE aggregate = 'employee'");
	my $secs = time - $t0;
	open my $fh, '<', "/proc/$pid/status" or die "cannot read /proc/$pid/status: $!";
	my ($hwm) = map { /^VmHWM:\s+(\d+)\s+kB/ ? $1 : () } <$fh>;
	close $fh;
	$s->quit;
	chomp $made;
	is($made, $n, "$n employees made");
	note(sprintf('%d rows: peak %d kB, %.1f s (%.0f rows/s)', $n, $hwm, $secs, $n / $secs));
	return ($hwm, $secs);
}

my ($small) = peak_kb(100_000);
my ($large, $secs) = peak_kb(1_000_000);
is($node->safe_psql('postgres', q{SELECT count(*) FROM employee e JOIN company c ON c.id = e.company_id
                                 WHERE e.hired < c.founded OR NOT c.active}), 0, 'the criteria held');
{
	cmp_ok($large, '<=', 1.2 * $small + 4096,
		sprintf('peak memory of 1M rows (%.1f MB) within 20%% (+4 MB) of 100k rows (%.1f MB)', $large / 1024, $small / 1024));
}

$node->stop;
done_testing();
