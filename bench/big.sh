#!/usr/bin/env bash
# bench/big.sh [ROWS] [faker-only]: the tenant -> author -> book schema of
# bench/books.sql (bench/populate.sh's) filled with ROWS books (default 10M) by a hand-written
# INSERT ... SELECT (the parents first, untimed, then the books) and by one
# faker_populate, side by side in the same run.  For each: time, rows/s,
# the backend's peak memory (VmHWM, which counts the shared buffers it
# touched, and the largest private resident memory, RssAnon, sampled every
# 0.2 s), and the database's size after.  "faker-only" skips the baseline
# (for 100M rows, where it alone takes half an hour).
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${1:-10000000}
MODE=${2:-both}
faker_ensure_packages
faker_build_install
faker_start_server

schema() {
	faker_psql -q -f "$(dirname "$0")/books.sql" >/dev/null
	faker_psql -q -c "CHECKPOINT"
}

# run LABEL SQL: the statement in a backend of its own, its time and memory
run() {
	local label=$1 sql=$2 out pid ms peak=0 hwm=0 rss h
	out=$(mktemp)
	faker_psql -At -c "SELECT pg_backend_pid()" -c "SELECT pg_sleep(0.5)" -c "SET faker.progress = off" \
		-c "\\timing on" -c "$sql" -c "\\timing off" -c "SELECT pg_sleep(0.3)" >"$out" &
	local client=$!
	sleep 0.2
	pid=$(head -1 "$out")
	while kill -0 "$client" 2>/dev/null; do
		rss=$(awk '/^RssAnon/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)
		[ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
		h=$(awk '/^VmHWM/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)
		[ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
		sleep 0.2
	done
	wait "$client"
	ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$out" | head -1)
	local made
	made=$(faker_psql -At -c "SELECT (SELECT count(*) FROM book) + (SELECT count(*) FROM author) + (SELECT count(*) FROM tenant)")
	local size
	size=$(faker_psql -At -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
	awk -v l="$label" -v ms="$ms" -v n="$ROWS" -v m="$made" -v p="$peak" -v h="$hwm" -v s="$size" 'BEGIN {
		t = ms / 1000;
		printf "%-28s %8.1f s  %9.0f books/s  %9.0f rows/s (all tables)  peak RssAnon %5.0f MB  VmHWM %5.0f MB  database %s\n",
		       l, t, n / t, m / t, p / 1024, h / 1024, s }'
	rm -f "$out"
}

echo "rows=$ROWS"
if [ "$MODE" != faker-only ]; then
	schema
	parents=$((ROWS / 2000)); authors=$((ROWS / 20))
	faker_psql -q -c "INSERT INTO tenant (name) SELECT 'Tenant ' || g FROM generate_series(1, $parents) g" \
	              -c "INSERT INTO author (tenant_id, name) SELECT 1 + (g % $parents), md5(g::text) FROM generate_series(1, $authors) g" \
	              -c "CHECKPOINT"
	run "INSERT ... SELECT (books)" "INSERT INTO book (tenant_id, author_id, title, isbn, blurb)
           SELECT 1 + (k % $parents), k, md5(random()::text), substr(md5(random()::text), 1, 13),
                  md5(random()::text) || md5(random()::text)
           FROM (SELECT 1 + (g % $authors) AS k FROM generate_series(1, $ROWS) g) s"
fi
schema
run "faker_populate" "SELECT * FROM faker_populate('book', $ROWS, 1)"
faker_psql -At -c "SELECT 'orphans: ' || count(*) FROM book b WHERE NOT EXISTS (SELECT 1 FROM author a WHERE a.tenant_id = b.tenant_id AND a.id = b.author_id)"
