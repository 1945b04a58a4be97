#!/usr/bin/env bash
# bench/gen.sh [N]: time per value of each generator against
# md5(random()::text) in the same run (the bar: within 3x).
source "$(dirname "$0")/../scripts/common.sh"
N=${1:-1000000}
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q -c "CREATE EXTENSION faker" -c "SET faker.seed = 1"
base=$(faker_ms "SELECT count(md5(random()::text)) FROM generate_series(1, $N)")
printf '%-16s %10s %8s\n' generator ns/value ratio
printf '%-16s %10.1f %8.2f\n' "md5(random())" "$(awk -v t="$base" -v n="$N" 'BEGIN{print t*1e6/n}')" 1
for g in "int()" "numeric()" "float()" "bool()" "digits()" "string()" "word()" "words()" \
	"sentence()" "paragraph()" "first_name()" "last_name()" "name()" "username()" "email()" \
	"phone()" "company()" "job()" "street_address()" "city()" "country()" "postcode()" "url()" \
	"ipv4()" "uuid()" "date()" "timestamp()" "timestamptz()" "color()" "choice('{a,b,c}')"; do
	t=$(faker_ms "SELECT count(faker_$g) FROM generate_series(1, $N)")
	awk -v g="$g" -v t="$t" -v b="$base" -v n="$N" 'BEGIN{printf "%-16s %10.1f %8.2f\n", g, t*1e6/n, t/b}'
done
