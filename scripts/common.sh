# scripts/common.sh: shared by test.sh, demo.sh and bench/*.sh (sourced).
#
# Builds faker, installs it into a private copy of the PostgreSQL 15 tree
# (a "temp install", as PostgreSQL's own `make check` does), and runs a
# throwaway server from it as an unprivileged user, on a Unix socket only.
# Nothing is installed system-wide except Debian packages, so several
# checkouts can test side by side.

set -euo pipefail

FAKER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGVER=15
PGBIN_SYS=/usr/lib/postgresql/$PGVER/bin
PG_CONFIG_SYS=$PGBIN_SYS/pg_config

# Install the Debian packages faker needs, if any is missing (root only).
faker_ensure_packages() {
	local need=() p
	for p in postgresql-$PGVER postgresql-server-dev-$PGVER postgresql-$PGVER-postgis-3 libipc-run-perl make gcc; do
		dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
	done
	[ ${#need[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "faker: missing Debian packages: ${need[*]}; install them as root" >&2
		exit 1
	fi
	# no default cluster: we run our own throwaway one
	mkdir -p /etc/postgresql-common/createcluster.d
	echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/faker.conf
	echo "faker: installing ${need[*]}" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

# The OS user that owns the throwaway server: PostgreSQL refuses root.
faker_server_user() {
	if [ "$(id -u)" = 0 ]; then
		id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		echo postgres
	else
		id -un
	fi
}

# Run a command as the server user.
faker_as_server_user() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$FAKER_OS_USER" -- "$@"
	else
		"$@"
	fi
}

# Build with warnings as errors and install into $FAKER_TMP/inst.
faker_build_install() {
	FAKER_TMP=${FAKER_TMP:-$(mktemp -d /tmp/faker.XXXXXX)}
	chmod 755 "$FAKER_TMP"
	local inst=$FAKER_TMP/inst
	if [ ! -d "$inst/usr/lib/postgresql/$PGVER" ]; then
		mkdir -p "$inst/usr/lib/postgresql" "$inst/usr/share/postgresql"
		cp -a /usr/lib/postgresql/$PGVER "$inst/usr/lib/postgresql/"
		cp -a /usr/share/postgresql/$PGVER "$inst/usr/share/postgresql/"
	fi
	make -C "$FAKER_ROOT" -s PG_CONFIG=$PG_CONFIG_SYS FAKER_CFLAGS="-Werror ${FAKER_EXTRA_CFLAGS:-}" >&2
	make -C "$FAKER_ROOT" -s PG_CONFIG=$PG_CONFIG_SYS install DESTDIR="$inst" >/dev/null
	FAKER_PGBIN=$inst/usr/lib/postgresql/$PGVER/bin
	export FAKER_TMP FAKER_PGBIN
}

# Start a throwaway server; sets PGHOST/PGPORT/PGUSER for clients.
faker_start_server() {
	FAKER_OS_USER=$(faker_server_user)
	local data=$FAKER_TMP/data sock=$FAKER_TMP/sock
	mkdir -p "$data" "$sock" "$FAKER_TMP/log"
	chown "$FAKER_OS_USER" "$data" "$sock" "$FAKER_TMP/log" 2>/dev/null || true
	chmod 700 "$data"
	faker_as_server_user "$FAKER_PGBIN/initdb" -D "$data" -U "$FAKER_OS_USER" -A trust \
		--no-sync -E UTF8 --locale=C >"$FAKER_TMP/initdb.log" 2>&1 ||
		{ cat "$FAKER_TMP/initdb.log" >&2; exit 1; }
	cat >>"$data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$sock'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = '${FAKER_SHARED_BUFFERS:-256MB}'
max_wal_size = '4GB'
log_min_messages = warning
CONF
	# FAKER_POSTGRES: another program to start as the server (a valgrind wrapper)
	faker_as_server_user "$FAKER_PGBIN/pg_ctl" -D "$data" -l "$FAKER_TMP/log/server.log" -w -t 300 \
		${FAKER_POSTGRES:+-p "$FAKER_POSTGRES"} start >/dev/null ||
		{ cat "$FAKER_TMP/log/server.log" >&2; exit 1; }
	export PGHOST=$sock PGPORT=5432 PGUSER=$FAKER_OS_USER PGDATABASE=postgres
	trap faker_stop_server EXIT
}

faker_stop_server() {
	if [ -n "${FAKER_TMP:-}" ] && [ -f "$FAKER_TMP/data/postmaster.pid" ]; then
		faker_as_server_user "$FAKER_PGBIN/pg_ctl" -D "$FAKER_TMP/data" -m immediate stop >/dev/null 2>&1 || true
	fi
	if [ -n "${FAKER_TMP:-}" ] && [ -z "${FAKER_KEEP_TMP:-}" ]; then
		rm -rf "$FAKER_TMP"
	fi
}

faker_psql() {
	"$FAKER_PGBIN/psql" -X -v ON_ERROR_STOP=1 "$@"
}

# Milliseconds one SQL statement takes (psql \timing).
faker_ms() {
	faker_psql -At -c "\\timing on" -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}
