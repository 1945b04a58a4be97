# Batch foreign-key checks (src/model/fkcheck.c): a session populating in
# batch mode while another deletes parents leaves no orphan, for each
# interleaving driven here:
#   1. the populate locks its parents first: the DELETE waits, then fails;
#   2. the DELETE comes first (uncommitted): the populate's check waits,
#      then fails with 23503 if the DELETE commits, succeeds if it rolls back;
#   3. both run at once, the DELETE in many small autocommit transactions;
#   4. the DELETE comes in the middle of one call, between its batches;
#   5. as 2, into a partitioned child whose rows the multi-insert writer routes.
# And the table owner gets batch mode while a role with INSERT grants only
# gets the row triggers (faker_explain).
use strict;
use warnings;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(usleep);
use FakerNode;

my $node = faker_node('fkbatch', conf => 'max_connections = 20', sql => q{
CREATE TABLE parent (id int PRIMARY KEY, grp int NOT NULL);
CREATE TABLE child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent, note text);
INSERT INTO parent SELECT g, g % 10 FROM generate_series(1, 1000) g;
CREATE ROLE tester LOGIN;
GRANT SELECT, INSERT ON parent, child TO tester;
GRANT USAGE ON SEQUENCE child_id_seq TO tester;
});

my $orphans = q{SELECT count(*) FROM child c WHERE NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.parent_id)};

is($node->safe_psql('postgres', q{SELECT distributor->>'fk_check' FROM faker_explain('child') WHERE aggregate = 'child' AND via IS NULL}),
	'batch', 'the owner populates child in batch mode');
is($node->safe_psql('postgres', q{SET ROLE tester; SELECT distributor->>'fk_check' FROM faker_explain('child') WHERE aggregate = 'child' AND via IS NULL}),
	'row', 'a role with INSERT grants only gets the row triggers');
is($node->safe_psql('postgres', q{SET faker.batch_fk_checks = off; SELECT distributor->>'fk_check' FROM faker_explain('child') WHERE aggregate = 'child' AND via IS NULL}),
	'row', 'faker.batch_fk_checks = off: row triggers');

my $a = faker_session($node);
my $b = faker_session($node);
my $apid = pid_of($a);
my $bpid = pid_of($b);

# 1. A populates (parents locked FOR KEY SHARE by its checks), B deletes them.
is(state_of($a, q{BEGIN; SELECT count(*) FROM faker_populate('child', 3000, 1)}), '00000',
	'1: A populates in an open transaction');
start_async($b, q{DELETE FROM parent});
ok(waits_on_lock($node, $bpid), "1: B's DELETE of the parents waits for A's locks");
is(state_of($a, 'COMMIT'), '00000', '1: A commits');
is(finish_async($b), '23503', "1: then B's DELETE fails: A's children reference them");
is($node->safe_psql('postgres', $orphans), 0, '1: no orphans');

# 2. B deletes parents first (uncommitted); A's populate then draws them from
# its pool (adopted with A's snapshot, where they still exist).  Fresh tables
# per case, so that every parent A may reuse is one B deleted.
for my $end ('ROLLBACK', 'COMMIT')
{
	my ($p, $c) = ("p_$end", "c_$end");
	$node->safe_psql('postgres', qq{
CREATE TABLE $p (id int PRIMARY KEY);
CREATE TABLE $c (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES $p);
INSERT INTO $p SELECT generate_series(1, 1000);
SELECT faker_define('$c', '$c', '{"references": {"parent_id": {"mean": 3}}}');});
	is(state_of($b, "BEGIN; DELETE FROM $p"), '00000', "2 ($end): B deletes every parent, uncommitted");
	start_async($a, qq{SELECT count(*) FROM faker_populate('$c', 3000, 2)});
	ok(waits_on_lock($node, $apid), "2 ($end): A's batch check waits for B's deleted rows");
	is(state_of($b, $end), '00000', "2 ($end): B ends with $end");
	is(finish_async($a), $end eq 'COMMIT' ? '23503' : '00000',
		$end eq 'COMMIT' ? '2 (COMMIT): A fails with 23503: its parents are gone'
		: '2 (ROLLBACK): A succeeds: its parents are back');
	like($a->{stderr}, qr/violates foreign key constraint "${c}_parent_id_fkey"/i, '2 (COMMIT): the error names the constraint')
		if $end eq 'COMMIT';
	is($node->safe_psql('postgres', "SELECT count(*) FROM $c"), $end eq 'COMMIT' ? 0 : 3000,
		"2 ($end): A's rows are there only if it succeeded");
	is($node->safe_psql('postgres', "SELECT count(*) FROM $c c WHERE NOT EXISTS (SELECT 1 FROM $p p WHERE p.id = c.parent_id)"),
		0, "2 ($end): no orphans");
}

# 3. At once: A populates many batches (new and reused parents) while B keeps
# deleting unreferenced parents in small autocommit transactions.
$node->safe_psql('postgres', q{INSERT INTO parent SELECT g, g % 10 FROM generate_series(100001, 103000) g});
start_async($a, q{SELECT count(*) FROM faker_populate('child', 60000, 3)});
my $deletes = 0;
for (1 .. 40)
{
	$deletes++ if state_of($b, q{DELETE FROM parent p WHERE id IN (SELECT id FROM parent p WHERE NOT EXISTS
	                          (SELECT 1 FROM child c WHERE c.parent_id = p.id) ORDER BY random() LIMIT 50)}) eq '00000';
	usleep(20_000);
}
my $st = finish_async($a);
ok($st eq '00000' || $st eq '23503', "3: A succeeds or fails with 23503 (got $st)");
ok($deletes > 0, "3: B deleted parents meanwhile ($deletes statements)");
is($node->safe_psql('postgres', $orphans), 0, '3: no orphans');

# 4. In the middle of one call: A's first batch checks (and locks) its
# parents, and A's later batches skip the keys it has checked
# (src/model/fkknown.c); B deletes every parent while A's call sleeps in a
# trigger of its second batch.  B waits for A's locks, A finishes and
# commits, B's DELETE then fails.
$node->safe_psql('postgres', q{
CREATE TABLE p4 (id int PRIMARY KEY);
CREATE TABLE c4 (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES p4);
INSERT INTO p4 SELECT generate_series(1, 5);
CREATE FUNCTION c4_pause() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN PERFORM pg_sleep(3); RETURN NEW; END$$;
CREATE TRIGGER c4_pause AFTER INSERT ON c4 FOR EACH ROW WHEN (NEW.id = 2500) EXECUTE FUNCTION c4_pause();
SELECT faker_define('c4', 'c4', '{"references": {"parent_id": {"mean": 2000}}}');});
start_async($a, q{SELECT count(*) FROM faker_populate('c4', 8000, 4)});
usleep(1_000_000);
start_async($b, q{DELETE FROM p4});
ok(waits_on_lock($node, $bpid), "4: B's DELETE waits for the parents A's first batch locked");
is(finish_async($a), '00000', '4: A finishes its call (its later batches reuse the checked keys)');
is(finish_async($b), '23503', "4: then B's DELETE fails: A's children reference them");
is($node->safe_psql('postgres', q{SELECT count(*) FROM c4 c WHERE NOT EXISTS (SELECT 1 FROM p4 p WHERE p.id = c.parent_id)}),
	0, '4: no orphans');

# 5. A partitioned child (hash by tenant), written by the multi-insert
# writer with its partitions' RI triggers stripped: as case 2 (COMMIT), B
# deletes every parent first; A's batch check waits, then fails.
$node->safe_psql('postgres', q{
CREATE TABLE p5 (id int PRIMARY KEY);
CREATE TABLE c5 (tenant int NOT NULL, id serial, parent_id int NOT NULL REFERENCES p5, PRIMARY KEY (tenant, id))
  PARTITION BY HASH (tenant);
CREATE TABLE c5_0 PARTITION OF c5 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE c5_1 PARTITION OF c5 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO p5 SELECT generate_series(1, 1000);
SELECT faker_define('c5', 'c5', '{"columns": {"tenant": {"gen": "int", "min": 1, "max": 50}},
                                  "references": {"parent_id": {"mean": 3}}}');});
is($node->safe_psql('postgres', q{SELECT distributor->>'writer' || ' ' || (distributor->>'fk_check') FROM faker_explain('c5') WHERE aggregate = 'c5' AND via IS NULL}),
	'multi_insert batch', '5: the partitioned child is routed by the multi-insert writer, keys checked in batches');
is(state_of($b, "BEGIN; DELETE FROM p5"), '00000', '5: B deletes every parent, uncommitted');
start_async($a, q{SELECT count(*) FROM faker_populate('c5', 3000, 5)});
ok(waits_on_lock($node, $apid), "5: A's batch check waits for B's deleted rows");
is(state_of($b, 'COMMIT'), '00000', '5: B commits');
is(finish_async($a), '23503', '5: A fails with 23503: its parents are gone');
is($node->safe_psql('postgres', q{SELECT count(*) FROM c5 c WHERE NOT EXISTS (SELECT 1 FROM p5 p WHERE p.id = c.parent_id)}),
	0, '5: no orphans');

$a->quit;
$b->quit;
$node->stop;
done_testing();
