#!/usr/bin/env bash
# bench/dbkeys.sh [CHILDREN] [REPEATS]: the cost of keys the database sets
# (README "Keys the database sets").  Fills CHILDREN child rows (zero spec,
# mean 10: CHILDREN/10 parents) under a parent whose id is plain serial
# (the baseline: faker evaluates nextval() itself, batches) and under one
# whose id a BEFORE INSERT trigger sets (rows written one by one with
# RETURNING); then the same parents made from the parent side with
# 10 children each, and CHILDREN parents with 0.1 child each (nearly all
# rows row by row).  Prints each time in ms, best of REPEATS, and the
# ratios to the baseline of the same run, with min-max over the repeats.
N=${1:-100000}
R=${2:-3}
source "$(dirname "$0")/../scripts/common.sh"
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q -c "CREATE EXTENSION faker" -c "SET client_min_messages = warning"
faker_psql -q >/dev/null <<'SQL'
CREATE TABLE plain_parent (id serial PRIMARY KEY, name text);
CREATE TABLE plain_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES plain_parent, note text);
CREATE SEQUENCE trig_ids;
CREATE TABLE trig_parent (id int PRIMARY KEY, name text);
CREATE FUNCTION trig_id() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.id := nextval('trig_ids'); RETURN NEW; END$$;
CREATE TRIGGER trig_id BEFORE INSERT ON trig_parent FOR EACH ROW EXECUTE FUNCTION trig_id();
CREATE TABLE trig_child (id serial PRIMARY KEY, parent_id int NOT NULL REFERENCES trig_parent, note text);
SELECT faker_define('plain_parent', 'plain_parent', '{"children": {"plain_child": {"via": "parent_id", "mean": 10}}}');
SELECT faker_define('trig_parent', 'trig_parent', '{"children": {"trig_child": {"via": "parent_id", "mean": 10}}}');
SELECT faker_define('plain_few', 'plain_parent', '{"children": {"plain_child": {"via": "parent_id", "mean": 0.1}}}');
SELECT faker_define('trig_few', 'trig_parent', '{"children": {"trig_child": {"via": "parent_id", "mean": 0.1}}}');
SQL
# one timed fill from an empty pair of tables
fill() {
	faker_psql -q -c "TRUNCATE $2_child, $2_parent; SELECT faker_reset()" >/dev/null
	faker_ms "SELECT count(*) FROM faker_populate('$1', $3, 1)"
}
declare -A t
for r in $(seq "$R"); do
	t[pc,$r]=$(fill plain_child plain "$N")
	t[tc,$r]=$(fill trig_child trig "$N")
	t[pp,$r]=$(fill plain_parent plain $((N / 10)))
	t[tp,$r]=$(fill trig_parent trig $((N / 10)))
	t[pf,$r]=$(fill plain_few plain "$N")
	t[tf,$r]=$(fill trig_few trig "$N")
done
report() {
	local name=$1 base=$2 case=$3 vals=() ratios=()
	for r in $(seq "$R"); do
		vals+=("${t[$case,$r]}")
		ratios+=("$(awk -v a="${t[$case,$r]}" -v b="${t[$base,$r]}" 'BEGIN{printf "%.2f", a/b}')")
	done
	printf '%-44s best %8.0f ms  ratio %s (%s)\n' "$name" \
		"$(printf '%s\n' "${vals[@]}" | sort -n | head -1)" \
		"$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')" \
		"$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n '1p;$p' | paste -sd-)"
}
echo "children: $N, parents: $((N / 10)), repeats: $R (ratio: median (min-max) of the per-run ratios)"
report "child fill, serial parent (baseline)" pc pc
report "child fill, trigger-keyed parent" pc tc
report "parent fill + children, serial (baseline)" pp pp
report "parent fill + children, trigger-keyed" pp tp
report "parent fill, 0.1 child each, serial (baseline)" pf pf
report "parent fill, 0.1 child each, trigger-keyed" pf tf
