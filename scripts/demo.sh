#!/usr/bin/env bash
# scripts/demo.sh: the main job on an embedded default.
# Starts a throwaway PostgreSQL, installs faker, creates the demo schema
# (demo/schema.sql), describes and populates it (demo/populate.sql), and
# shows what was made (demo/report.sql).  Works as root on a fresh Debian 12
# machine.  FAKER_DEMO_BOOKS overrides the number of books.
source "$(dirname "$0")/common.sh"

faker_ensure_packages
faker_build_install
faker_start_server

export PGDATABASE=demo
faker_psql -d postgres -q -c "CREATE DATABASE demo"
faker_psql -q -c "CREATE EXTENSION faker"
faker_psql -q -f "$FAKER_ROOT/demo/schema.sql"
sed "s/faker_populate('book', 100000, 42)/faker_populate('book', ${FAKER_DEMO_BOOKS:-100000}, 42)/" \
	"$FAKER_ROOT/demo/populate.sql" | faker_psql
faker_psql -f "$FAKER_ROOT/demo/report.sql"
