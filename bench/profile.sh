#!/usr/bin/env bash
# bench/profile.sh [TENANTS] [BOOKS]: a profile's round trip at about a
# million rows.  Builds the "production" database of the profile tests
# (sql/include/profile_prod.sql: tenants, authors, a one-to-one author_bio,
# books, tags and the book_tag junction; by default 250 tenants and 60
# books for an author of rank 1, about 1M rows) with plain SQL, then times
#   1. faker_profile of it,
#   2. faker_populate_profile(p, 1) into an empty copy of its schema,
#   3. faker_compare of the original's profile and the copy's (profiling
#      the copy included),
# and prints each step's time, the seq_scan/idx_scan counts of every
# production table before and after step 1 (profiling reads each table
# once), and the count of ok / not ok measures (the not ok ones listed).
source "$(dirname "$0")/../scripts/common.sh"
TENANTS=${1:-250}
BOOKS=${2:-60}
faker_ensure_packages
faker_build_install
faker_start_server
cd "$FAKER_ROOT"
faker_psql -q -c "CREATE EXTENSION faker"
faker_psql -q -c "SET client_min_messages = warning" -f sql/include/profile_prod.sql \
	-c "SELECT make_schema('prod'), make_schema('copy')" >/dev/null
build=$(faker_ms "SELECT prod_fill('prod', $TENANTS, $BOOKS)")
faker_psql -At -c "SELECT 'production rows: ' || sum(n_live_tup) || ' (' || string_agg(relname || ' ' || n_live_tup, ', ' ORDER BY relname) || ')'
                   FROM pg_stat_user_tables WHERE schemaname = 'prod'"
printf 'build (plain SQL): %.0f ms\n' "$build"
# table reads so far (each psql session flushes its statistics when it ends)
scans="SELECT relname, seq_scan, coalesce(idx_scan, 0) AS idx_scan FROM pg_stat_user_tables WHERE schemaname = 'prod'"
faker_psql -q -c "CREATE TABLE scans_before AS $scans"
prof=$(faker_ms "CREATE TABLE prof AS SELECT faker_profile(NULL, '{\"tables\": [\"prod.%\"]}') AS p")
sleep 1
faker_psql -c "SELECT a.relname AS \"table\", a.seq_scan - b.seq_scan AS \"seq scans by faker_profile\",
                      a.idx_scan - b.idx_scan AS \"index scans by faker_profile\"
               FROM ($scans) a JOIN scans_before b USING (relname) ORDER BY 1"
fill=$(faker_ms "SET faker.progress = off; SELECT * FROM faker_populate_profile((SELECT p || '{\"schemas\": {\"prod\": \"copy\"}}' FROM prof), 1, 42)")
cmp=$(faker_ms "CREATE TABLE cmp AS SELECT * FROM faker_compare((SELECT p || '{\"schemas\": {\"prod\": \"copy\"}}' FROM prof),
                                                               faker_profile(NULL, '{\"tables\": [\"copy.%\"]}'))")
faker_psql -At -c "SELECT 'copy rows: ' || sum(n) FROM (SELECT count(*) AS n FROM copy.tenant UNION ALL SELECT count(*) FROM copy.author
                   UNION ALL SELECT count(*) FROM copy.author_bio UNION ALL SELECT count(*) FROM copy.book
                   UNION ALL SELECT count(*) FROM copy.tag UNION ALL SELECT count(*) FROM copy.book_tag) s"
faker_psql -c "SELECT object, measure, expected, actual FROM cmp WHERE NOT ok ORDER BY 1, 2"
printf 'faker_profile: %.0f ms  faker_populate_profile (scale 1): %.0f ms  faker_compare (with the copy'"'"'s profile): %.0f ms\n' \
	"$prof" "$fill" "$cmp"
faker_psql -At -c "SELECT 'measures: ' || count(*) || ', ok: ' || count(*) FILTER (WHERE ok) || ', not ok: ' || count(*) FILTER (WHERE NOT ok) FROM cmp"
