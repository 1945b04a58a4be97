#!/usr/bin/env bash
# scripts/tap.sh: build, install into a temp tree and run only the TAP tests
# (all of t/*.pl, or the files named: bash scripts/tap.sh t/002_security.pl).
# Same environment as scripts/test.sh, without the pg_regress suites.
source "$(dirname "$0")/common.sh"

faker_ensure_packages
faker_build_install
FAKER_OS_USER=$(faker_server_user)
trap faker_stop_server EXIT
cd "$FAKER_ROOT"
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(t/*.pl)
tapdir=$FAKER_TMP/tap
rm -rf "$tapdir"; mkdir -p "$tapdir"
cp -r t "$tapdir/"
chown -R "$FAKER_OS_USER" "$tapdir" 2>/dev/null || true
status=0
(cd "$tapdir" && faker_as_server_user env PATH="$FAKER_PGBIN:$PATH" \
	PERL5LIB="$tapdir/t:/usr/lib/postgresql/$PGVER/lib/pgxs/src/test/perl" \
	PG_REGRESS=/usr/lib/postgresql/$PGVER/lib/pgxs/src/test/regress/pg_regress \
	TESTDIR="$tapdir" FAKER_ROOT="$FAKER_ROOT" \
	prove ${PROVE_FLAGS:-} "${files[@]}") || status=1
if [ $status -ne 0 ]; then
	for f in "$tapdir"/tmp_check/log/*; do [ -f "$f" ] && { echo "--- $f"; tail -n 50 "$f"; }; done
fi
exit $status
