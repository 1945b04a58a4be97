#!/usr/bin/env bash
# scripts/fuzz.sh: the hostile-input and error suites with every server
# process under valgrind memcheck.  Fails if a test fails or valgrind
# reports an invalid read or write, or a use of uninitialised memory, in a
# frame of faker's code.
#   FUZZ_TESTS="robust_fuzz ..." picks the suites (default: the fuzz files,
#     every sql/*errors*.sql, robust_security, gen_regex, srf_pipe;
#     robust_fuzz_found, the repros of open crashes, only when named).
#   FUZZ_CASES=n: cases per fuzz file (sql/include/fuzz.sql; default 5000
#     under valgrind, against 50000 per file in the plain run).  Their
#     summaries per function are printed at the end.
source "$(dirname "$0")/common.sh"
faker_ensure_packages
command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >/dev/null; }
make -s -C "$FAKER_ROOT" clean >/dev/null
faker_build_install
FAKER_POSTGRES=$FAKER_TMP/valgrind-postgres
cat >"$FAKER_POSTGRES" <<WRAP
#!/bin/sh
exec valgrind --quiet --trace-children=yes --error-limit=no --num-callers=20 \\
	--log-file=$FAKER_TMP/log/valgrind.%p "$FAKER_PGBIN/postgres" "\$@"
WRAP
chmod 755 "$FAKER_POSTGRES"
export FAKER_POSTGRES
faker_start_server
cd "$FAKER_ROOT"
default_tests="robust_fuzz robust_fuzz2"
for f in sql/*errors*.sql sql/robust_security.sql sql/gen_regex.sql sql/srf_pipe.sql; do
	[ -f "$f" ] && default_tests="$default_tests $(basename "$f" .sql)"
done
FUZZ_TESTS=${FUZZ_TESTS:-$default_tests}
FUZZ_CASES=${FUZZ_CASES:-5000}
echo "fuzz: $FUZZ_TESTS; $FUZZ_CASES cases per fuzz file"
export PGOPTIONS="${PGOPTIONS:-} -c fuzz.cases=$FUZZ_CASES -c fuzz.summary=$FAKER_TMP/log/fuzz_summary."
status=0
start=$(date +%s)
make -s PG_CONFIG=$PG_CONFIG_SYS installcheck REGRESS="$FUZZ_TESTS" || status=1
[ $status -ne 0 ] && [ -f regression.diffs ] && head -200 regression.diffs
faker_as_server_user "$FAKER_PGBIN/pg_ctl" -D "$FAKER_TMP/data" -m fast stop >/dev/null || true
for f in "$FAKER_TMP"/log/fuzz_summary.*; do
	[ -f "$f" ] && { echo "--- summary, fuzz.seed ${f##*fuzz_summary.}"; cat "$f"; }
done
if grep -q "terminated by signal" "$FAKER_TMP/log/server.log" 2>/dev/null; then
	echo "faker: a server process crashed:"; grep -B2 -A8 "terminated by signal" "$FAKER_TMP/log/server.log" | head -60
	status=1
fi
# errors whose stack passes through faker.so
bad=$(grep -l "faker.so" "$FAKER_TMP"/log/valgrind.* 2>/dev/null | xargs -r grep -lE "Invalid (read|write)|uninitialised|Invalid free" || true)
if [ -n "$bad" ]; then
	echo "faker: valgrind reported errors in faker's code:"; for f in $bad; do head -80 "$f"; done
	status=1
fi
echo "valgrind logs: $(ls "$FAKER_TMP"/log/valgrind.* 2>/dev/null | wc -l), with faker frames in errors: $(echo -n "$bad" | grep -c . || true); $(( $(date +%s) - start )) s"
[ $status -eq 0 ] && echo "faker: fuzz under valgrind passed" || echo "faker: FUZZ FAILED"
exit $status
