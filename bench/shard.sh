#!/usr/bin/env bash
# bench/shard.sh [ROWS]: one session filling ROWS books (tenant -> author ->
# book) against two sessions each filling its shard (shard => k, shards => 2)
# of the same fill from the same empty state, in the same run.  Prints both
# rates and the speedup (the bar on a 2-core machine: 1.6x).
source "$(dirname "$0")/../scripts/common.sh"
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q <<'SQL'
CREATE EXTENSION IF NOT EXISTS faker;
CREATE TABLE tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE author (tenant_id int NOT NULL REFERENCES tenant, id int, name text NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE book (tenant_id int NOT NULL REFERENCES tenant, id serial, author_id int NOT NULL, title text NOT NULL,
                   PRIMARY KEY (tenant_id, id), FOREIGN KEY (tenant_id, author_id) REFERENCES author);
SELECT faker_define('book', 'book', '{"columns": {"title": {"gen": "sentence", "words": 3}},
  "references": {"book_tenant_id_fkey": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 200},
                 "book_tenant_id_author_id_fkey": {"skew": 2.0, "mean": 20}}}');
SQL
N=${1:-400000}
t0=$(date +%s.%N)
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7)" >/dev/null
t1=$(date +%s.%N)
faker_psql -q -c "TRUNCATE book, author, tenant RESTART IDENTITY" -c "SELECT faker_reset()"
t2=$(date +%s.%N)
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7, shard => 0, shards => 2)" &
faker_psql -At -c "SET faker.progress=off" -c "SELECT * FROM faker_populate('book', $N, 7, shard => 1, shards => 2)" &
wait
t3=$(date +%s.%N)
faker_psql -At -c "SELECT count(*), count(DISTINCT tenant_id) FROM book" -c "SELECT count(*) FROM author" -c "SELECT count(*) FROM tenant"
awk -v a=$t0 -v b=$t1 -v c=$t2 -v d=$t3 -v n=$N 'BEGIN{printf "one session: %.2f s (%.0f rows/s); 2 shards: %.2f s (%.0f rows/s); speedup %.2f\n", b-a, n/(b-a), d-c, n/(d-c), (b-a)/(d-c)}'
