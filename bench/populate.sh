#!/usr/bin/env bash
# bench/populate.sh [ROWS]: faker_populate against a hand-written
# INSERT ... SELECT ... FROM generate_series writing the same number of rows
# into the same tables (same indexes, same foreign keys), in the same run.
# Prints both times and the ratio (the bar: within 2x).
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${1:-1000000}
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q -f "$(dirname "$0")/books.sql" >/dev/null
parents=$((ROWS / 2000)); authors=$((ROWS / 20))
# baseline: parents first (not timed), then the books
faker_psql -q -c "INSERT INTO tenant (name) SELECT 'Tenant ' || g FROM generate_series(1, $parents) g" \
              -c "INSERT INTO author (tenant_id, name) SELECT 1 + (g % $parents), md5(g::text) FROM generate_series(1, $authors) g" \
              -c "CHECKPOINT"
base=$(faker_ms "INSERT INTO book (tenant_id, author_id, title, isbn, blurb)
           SELECT 1 + (k % $parents), k, md5(random()::text), substr(md5(random()::text), 1, 13),
                  md5(random()::text) || md5(random()::text)
           FROM (SELECT 1 + (g % $authors) AS k FROM generate_series(1, $ROWS) g) s")
faker_psql -q -c "TRUNCATE book, author, tenant RESTART IDENTITY" -c "CHECKPOINT"
fk=$(faker_ms "SELECT * FROM faker_populate('book', $ROWS, 1)")
faker_psql -c "SELECT count(*) AS books, (SELECT count(*) FROM author) AS authors, (SELECT count(*) FROM tenant) AS tenants FROM book"
awk -v r="$ROWS" -v b="$base" -v f="$fk" 'BEGIN {
	printf "rows=%d  baseline INSERT...SELECT: %.0f ms  faker_populate: %.0f ms  ratio: %.2f  (faker: %.0f books/s)\n",
	       r, b, f, f / b, r / f * 1000 }'
