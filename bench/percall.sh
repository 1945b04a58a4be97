#!/usr/bin/env bash
# bench/percall.sh [SECONDS]: the cost of small calls, as a load test makes
# them (README, "Performance": small calls).
#   1. per-call latency of INSERT ... SELECT * FROM faker_rows(NULL::orders, 1)
#      over a parent pool of 1k and of 1M customers, and the 1M/1k ratio
#      (the bar: at most 1.5, under 1 ms);
#   2. pgbench TPS of that transaction with 1 and 2 clients (the bar: 2
#      clients at least 1.6x the TPS of 1 on 2 cores), and of the same
#      INSERT with hand-made values (the bar: faker within 5x).
source "$(dirname "$0")/../scripts/common.sh"
T=${1:-10}
faker_ensure_packages
faker_build_install
faker_start_server
PGBENCH=$FAKER_PGBIN/pgbench
faker_psql -q -c "CREATE EXTENSION faker"
schema() {
	faker_psql -q <<SQL
DROP TABLE IF EXISTS orders, customer;
CREATE TABLE customer (id bigserial PRIMARY KEY, name text, email text);
CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customer,
                     amount numeric(12,2), created_at timestamptz);
SELECT faker_define('orders', 'orders', '{"references": {"orders_customer_id_fkey": {"mean": 10}}}');
SELECT count(*) FROM faker_populate('customer', $1);
-- the first call of a reader measures its uses: not part of the bench
INSERT INTO orders SELECT * FROM faker_rows(NULL::orders, 1);
VACUUM ANALYZE;
SQL
}
echo 'INSERT INTO orders SELECT * FROM faker_rows(NULL::orders, 1);' > "$FAKER_TMP/faker.sql"
echo "INSERT INTO orders (customer_id, amount, created_at) VALUES (1 + (random() * 999)::int, round((random() * 100)::numeric, 2), now() - random() * interval '365 days');" > "$FAKER_TMP/hand.sql"
tps() { # script clients
	"$PGBENCH" -n -f "$1" -T "$T" -c "$2" -j "$2" postgres 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
printf '%-34s %10s %10s\n' "" "1 client" "2 clients"
for pool in 1000 1000000; do
	schema $pool
	f1=$(tps "$FAKER_TMP/faker.sql" 1)
	f2=$(tps "$FAKER_TMP/faker.sql" 2)
	printf '%-34s %10.0f %10.0f   (%.2f ms a call, 2/1 = %.2f)\n' "faker_rows, pool $pool (TPS)" "$f1" "$f2" \
		"$(awk -v t="$f1" 'BEGIN{print 1000/t}')" "$(awk -v a="$f1" -v b="$f2" 'BEGIN{print b/a}')"
	eval "f1_$pool=$f1"
done
schema 1000
h1=$(tps "$FAKER_TMP/hand.sql" 1)
h2=$(tps "$FAKER_TMP/hand.sql" 2)
printf '%-34s %10.0f %10.0f   (2/1 = %.2f)\n' "hand-made values (TPS)" "$h1" "$h2" "$(awk -v a="$h1" -v b="$h2" 'BEGIN{print b/a}')"
awk -v a="$f1_1000" -v b="$f1_1000000" -v h="$h1" \
	'BEGIN{printf "per-call time 1M/1k: %.2f; hand-made / faker TPS: %.2f\n", a/b, h/b}'
