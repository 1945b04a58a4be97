#!/usr/bin/env bash
# scripts/test.sh: run every faker test on a throwaway server.
#   pg_regress suites (sql/, expected/), then TAP tests (t/*.pl).
#   FAKER_TESTS="suite ..." runs only those pg_regress suites, and
#   FAKER_TAP="t/00X_name.pl ..." only those TAP files (either alone skips
#   the other kind and the package checks): for working on one area.
# Works as root on a fresh Debian 12 machine (installs its packages) or as
# an ordinary user who has them.  Exits non-zero on any failure.
source "$(dirname "$0")/common.sh"

faker_ensure_packages
faker_build_install
faker_start_server

status=0
cd "$FAKER_ROOT"
rm -rf results regression.diffs regression.out
echo "== pg_regress"
regress=()
[ -n "${FAKER_TESTS:-}" ] && regress=("REGRESS=$FAKER_TESTS")
if [ -n "${FAKER_TAP:-}" ] && [ -z "${FAKER_TESTS:-}" ]; then
	: > "$FAKER_TMP/regress.log" # TAP files only
elif ! make -s PG_CONFIG=$PG_CONFIG_SYS installcheck "${regress[@]}" 2>&1 | tee "$FAKER_TMP/regress.log"; then
	status=1
fi
if [ "${PIPESTATUS[0]}" != 0 ] || grep -q "FAILED" "$FAKER_TMP/regress.log"; then
	status=1
	[ -f regression.diffs ] && cat regression.diffs
fi
passed=$(grep -c '^test .* \.\.\. ok' "$FAKER_TMP/regress.log" || true)
failed=$(grep -c '^test .* \.\.\. FAILED' "$FAKER_TMP/regress.log" || true)

# The library exports only what PostgreSQL looks up (Makefile, src/compat.h):
# Pg_magic_func, _PG_init, and for each SQL-callable function the function
# and its pg_finfo_ record; every C symbol the schema names must be there.
check_exports() {
	local so=$1 syms bad=0 s
	syms=$(nm -D --defined-only "$so" | awk '{print $NF}' | sort -u)
	[ -n "$syms" ] || { echo "no symbols read from $so"; return 1; }
	for s in $syms; do
		case $s in
		Pg_magic_func|_PG_init) ;;
		pg_finfo_*) grep -qx "${s#pg_finfo_}" <<<"$syms" || { echo "exported without its function: $s"; bad=1; } ;;
		*) grep -qx "pg_finfo_$s" <<<"$syms" || { echo "exported but not SQL-callable: $s"; bad=1; } ;;
		esac
	done
	for s in Pg_magic_func _PG_init $(sed -n "s/.*'MODULE_PATHNAME', '\([A-Za-z0-9_]*\)'.*/\1/p" schema/*.sql | sort -u); do
		grep -qx "$s" <<<"$syms" || { echo "not exported: $s"; bad=1; }
	done
	return $bad
}

# The package names the version of faker.control (docs/design.md,
# "Versions"): META.json (as PGXN's three-part version) and CHANGELOG.md.
check_version() {
	local v semver bad=0
	v=$(sed -n "s/^[[:space:]]*default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" faker.control)
	[ -n "$v" ] || { echo "no default_version in faker.control"; return 1; }
	semver=$v
	while [ "$(tr -cd . <<<"$semver" | wc -c)" -lt 2 ]; do semver=$semver.0; done
	perl -MJSON::PP -e '
		my ($semver, $v) = @ARGV;
		open my $f, "<", "META.json" or die "META.json: $!\n";
		my $m = decode_json(do { local $/; <$f> });
		my $p = $m->{provides}{faker} || {};
		my @bad;
		push @bad, "version $m->{version}" if ($m->{version} // "") ne $semver;
		push @bad, "provides.faker.version $p->{version}" if ($p->{version} // "") ne $semver;
		push @bad, "provides.faker.file $p->{file}" if ($p->{file} // "") ne "faker--$v.sql";
		print "META.json: @bad (faker.control: $v)\n" if @bad;
		exit(@bad ? 1 : 0);' "$semver" "$v" || bad=1
	grep -qx "## $v" CHANGELOG.md || { echo "CHANGELOG.md: no \"## $v\" entry"; bad=1; }
	return $bad
}

# Each check prints one line, as pg_regress does, and counts as a test.
package_check() {
	local name=$1
	shift
	if "$@"; then
		echo "test $name ... ok"
		passed=$((passed + 1))
	else
		echo "test $name ... FAILED"
		failed=$((failed + 1))
		status=1
	fi
}
subset=${FAKER_TESTS:-}${FAKER_TAP:-}
if [ -z "$subset" ]; then
	echo "== package"
	package_check "exports (nm -D faker.so)" check_exports faker.so
	package_check "version (META.json, CHANGELOG.md)" check_version
fi

# TAP tests start their own clusters from the temp install; they must run
# as the unprivileged user, with a writable TESTDIR.
tapfiles=${FAKER_TAP:-t/*.pl}
if [ -n "${FAKER_TESTS:-}" ] && [ -z "${FAKER_TAP:-}" ]; then
	tapfiles=
fi
if [ -n "$tapfiles" ] && compgen -G "t/*.pl" >/dev/null; then
	echo "== TAP"
	# a copy the unprivileged user can read wherever the checkout lives; its
	# t/ holds FakerNode.pm, the setup the TAP files share (on PERL5LIB)
	tapdir=$FAKER_TMP/tap
	mkdir -p "$tapdir"
	cp -r t "$tapdir/"
	chown -R "$FAKER_OS_USER" "$tapdir" 2>/dev/null || true
	if ! (cd "$tapdir" && faker_as_server_user env PATH="$FAKER_PGBIN:$PATH" \
		PERL5LIB="$tapdir/t:/usr/lib/postgresql/$PGVER/lib/pgxs/src/test/perl" \
		PG_REGRESS=/usr/lib/postgresql/$PGVER/lib/pgxs/src/test/regress/pg_regress \
		TESTDIR="$tapdir" FAKER_ROOT="$FAKER_ROOT" \
		prove ${PROVE_FLAGS:-} $tapfiles 2>&1 | tee "$FAKER_TMP/tap.log"; exit "${PIPESTATUS[0]}"); then
		status=1
		for f in "$tapdir"/tmp_check/log/*; do [ -f "$f" ] && { echo "--- $f"; tail -n 50 "$f"; }; done
	fi
fi

# TAP files count as one test each
if [ -f "$FAKER_TMP/tap.log" ]; then
	passed=$((passed + $(grep -cE '^t/.* ok$' "$FAKER_TMP/tap.log" || true)))
	failed=$((failed + $(grep -cE '^t/.* (Dubious|Failed|not ok)' "$FAKER_TMP/tap.log" || true)))
fi
if [ $status -eq 0 ]; then echo "faker: all tests passed"; else echo "faker: TESTS FAILED"; fi
echo "$passed passed, $failed failed"
exit $status
