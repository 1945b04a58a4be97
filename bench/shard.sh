#!/usr/bin/env bash
# bench/shard.sh [ROWS] [partitioned]: one session filling ROWS books
# (tenant -> author -> book) against two sessions each filling its shard
# (shard => k, shards => 2) of the same fill from the same empty state, in
# the same run, and the same two shards one after the other.  Prints the
# rates and the speedup (the bar on a 2-core machine: 1.6x).  With
# "partitioned", book and author are hash-partitioned by tenant_id into 2
# partitions (the stand-in for a distributed table, docs/scale.md): prints
# the rows per partition.
source "$(dirname "$0")/../scripts/common.sh"
faker_ensure_packages
faker_build_install
faker_start_server
N=${1:-400000}
if [ "${2:-}" = partitioned ]; then
	part="PARTITION BY HASH (tenant_id)"
else
	part=""
fi
faker_psql -q <<SQL
CREATE EXTENSION IF NOT EXISTS faker;
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE author (tenant_id int NOT NULL REFERENCES tenant, id int, name text NOT NULL, PRIMARY KEY (tenant_id, id)) $part;
CREATE TABLE book (tenant_id int NOT NULL REFERENCES tenant, id serial, author_id int NOT NULL, title text NOT NULL,
                   PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, author_id) REFERENCES author) $part;
SQL
if [ -n "$part" ]; then
	faker_psql -q -c "CREATE TABLE author_0 PARTITION OF author FOR VALUES WITH (MODULUS 2, REMAINDER 0)" \
		-c "CREATE TABLE author_1 PARTITION OF author FOR VALUES WITH (MODULUS 2, REMAINDER 1)" \
		-c "CREATE TABLE book_0 PARTITION OF book FOR VALUES WITH (MODULUS 2, REMAINDER 0)" \
		-c "CREATE TABLE book_1 PARTITION OF book FOR VALUES WITH (MODULUS 2, REMAINDER 1)"
fi
faker_psql -q <<'SQL'
SELECT faker_define('book', 'book', '{"columns": {"title": {"gen": "sentence", "words": 3}},
  "references": {"book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 200},
                 "book_tenant_id_author_id_fkey": {"skew": 2.0, "mean": 20}}}');
SQL
t0=$(date +%s.%N)
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7)" >/dev/null
t1=$(date +%s.%N)
faker_psql -q -c "TRUNCATE book, author, tenant RESTART IDENTITY" -c "SELECT faker_reset()" >/dev/null
t2=$(date +%s.%N)
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7, shard => 0, shards => 2)" &
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7, shard => 1, shards => 2)" &
wait
t3=$(date +%s.%N)
faker_psql -At -c "SELECT 'books ' || count(*) || ', tenants ' || count(DISTINCT tenant_id) FROM book" \
	-c "SELECT 'authors ' || count(*) FROM author" \
	-c "SELECT 'orphans ' || count(*) FROM book b WHERE NOT EXISTS (SELECT 1 FROM author a WHERE a.tenant_id = b.tenant_id AND a.id = b.author_id)" \
	-c "SELECT 'books per tenant ' || round(avg(n), 1) FROM (SELECT count(*) AS n FROM book GROUP BY tenant_id) t"
[ -n "$part" ] && faker_psql -At -c "SELECT 'book partitions ' || string_agg(n::text, ' / ' ORDER BY p) FROM (SELECT tableoid::regclass::text AS p, count(*) AS n FROM book GROUP BY 1) t"
# the same two shards one after the other: what the machine's two cores add
faker_psql -q -c "TRUNCATE book, author, tenant RESTART IDENTITY" -c "SELECT faker_reset()" >/dev/null
t4=$(date +%s.%N)
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7, shard => 0, shards => 2)" >/dev/null
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7, shard => 1, shards => 2)" >/dev/null
t5=$(date +%s.%N)
awk -v a=$t0 -v b=$t1 -v c=$t2 -v d=$t3 -v e=$t4 -v f=$t5 -v n=$N 'BEGIN{
	printf "one session: %.2f s (%.0f rows/s); 2 shards at once: %.2f s (%.0f rows/s); speedup %.2f (bar 1.6); the 2 shards one after the other: %.2f s, so at once is %.2fx that\n",
	       b-a, n/(b-a), d-c, n/(d-c), (b-a)/(d-c), f-e, (f-e)/(d-c)}'
