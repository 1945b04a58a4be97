#!/usr/bin/env bash
# scripts/fuzz.sh: the hostile-input and error suites with every server
# process under valgrind memcheck.  Fails if a test fails or valgrind
# reports an invalid read or write, or a use of uninitialised memory, in a
# frame of faker's code.
#   FUZZ_TESTS="robust_fuzz ..." picks the suites.
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
status=0
make -s PG_CONFIG=$PG_CONFIG_SYS installcheck \
	REGRESS="${FUZZ_TESTS:-robust_fuzz gen_errors dist_errors model_errors srf_pipe}" || status=1
faker_as_server_user "$FAKER_PGBIN/pg_ctl" -D "$FAKER_TMP/data" -m fast stop >/dev/null || true
# errors whose stack passes through faker.so
bad=$(grep -l "faker.so" "$FAKER_TMP"/log/valgrind.* 2>/dev/null | xargs -r grep -lE "Invalid (read|write)|uninitialised|Invalid free" || true)
if [ -n "$bad" ]; then
	echo "faker: valgrind reported errors in faker's code:"; for f in $bad; do head -80 "$f"; done
	status=1
fi
echo "valgrind logs: $(ls "$FAKER_TMP"/log/valgrind.* 2>/dev/null | wc -l), with faker frames in errors: $(echo -n "$bad" | grep -c . || true)"
[ $status -eq 0 ] && echo "faker: fuzz under valgrind passed" || echo "faker: FUZZ FAILED"
exit $status
