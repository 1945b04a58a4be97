#!/usr/bin/env bash
# bench/draw.sh [N]: draws per second of faker_draw over pools of 1k, 100k
# and 1M values, and the 1M/1k ratio (the bar: at least 0.8).
source "$(dirname "$0")/../scripts/common.sh"
N=${1:-2000000}
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q -c "CREATE EXTENSION faker"
printf '%-44s %12s %12s %12s %8s\n' distributor "1k draws/s" "100k" "1M" "1M/1k"
for spec in '{"mean": 1000}' '{"skew": 2, "mean": 1000}' '{"weights": [0.7, 0.2, 0.07, 0.03], "mean": 1000}'; do
	row=()
	for pool in 1000 100000 1000000; do
		# best of three: this is a shared 2-core machine
		t=$(for r in 1 2 3; do faker_ms "SELECT count(*) FROM faker_draw('$spec', $N, $pool, 1)"; done | sort -n | head -1)
		row+=("$(awk -v t="$t" -v n="$N" 'BEGIN{printf "%.0f", n/t*1000}')")
	done
	awk -v s="$spec" -v a="${row[0]}" -v b="${row[1]}" -v c="${row[2]}" \
		'BEGIN{printf "%-44s %12d %12d %12d %8.2f\n", s, a, b, c, c/a}'
done
