#!/usr/bin/env bash
# bench/fidelity.sh [ROWS] [CALLS...]: the shape of tenant/author/book
# (authors' tenants: weights [0.7, 0.2, 0.07, 0.03] mean 50; books'
# authors: skew 2 mean 20; book cities: reuse mean 100 skew 2) after ROWS
# books made in 1, 20 and 200 calls (or the CALLS given), as faker_fit
# measures it.  The bar (README, "Distributors"): the same figures whatever
# the number of calls.
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${1:-200000}
shift || true
CALLS=${*:-1 20 200}
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q -c "CREATE EXTENSION faker" -c "SET client_min_messages = warning"
printf '%-6s %8s %-28s %7s %-28s %7s %6s %7s %6s\n' calls ms "tenant weights (authors)" mean "author weights (books)" mean skew "city m" skew
for calls in $CALLS; do
	faker_psql -q >/dev/null <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS book, author, tenant;
SELECT faker_reset();
CREATE TABLE tenant (id serial PRIMARY KEY);
CREATE TABLE author (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES tenant);
CREATE TABLE book (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES author, city text);
SELECT faker_define('author', 'author', '{"references": {"tenant_id": {"weights": [0.7, 0.2, 0.07, 0.03], "mean": 50}}}');
SELECT faker_define('book', 'book', '{"columns": {"city": {"gen": "city", "mean": 100, "skew": 2}},
                                      "references": {"author_id": {"skew": 2, "mean": 20}}}');
SQL
	per=$((ROWS / calls))
	t0=$(date +%s%N)
	faker_psql -q -At -c "SET faker.progress = off" \
		-c "DO \$\$ BEGIN FOR i IN 1..$calls LOOP PERFORM faker_populate('book', $per, i); END LOOP; END \$\$" >/dev/null
	t1=$(date +%s%N)
	faker_psql -At -F ' ' -c "
	WITH a AS (SELECT faker_fit('author', '{tenant_id}') f), b AS (SELECT faker_fit('book', '{author_id}') f),
	     c AS (SELECT faker_fit('book', '{city}') f)
	SELECT $calls, $(( (t1 - t0) / 1000000 )),
	       (SELECT string_agg(round(w::numeric * 100, 1)::text, '/') FROM jsonb_array_elements_text(a.f->'weights') w),
	       round((a.f->>'mean')::numeric, 2),
	       (SELECT string_agg(round(w::numeric * 100, 1)::text, '/') FROM jsonb_array_elements_text(b.f->'weights') w),
	       round((b.f->>'mean')::numeric, 2), round((b.f->>'skew')::numeric, 2),
	       round((c.f->>'mean')::numeric, 2), round((c.f->>'skew')::numeric, 2)
	FROM a, b, c" | awk '{printf "%-6s %8s %-28s %7s %-28s %7s %6s %7s %6s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}'
done
