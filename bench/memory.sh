#!/usr/bin/env bash
# bench/memory.sh [ROWS]: peak resident memory (VmHWM) of the backend that
# runs one faker_populate of ROWS (default 10M) rows of a child table with a
# skewed reference and two generated text columns.
source "$(dirname "$0")/../scripts/common.sh"
ROWS=${1:-10000000}
faker_ensure_packages
faker_build_install
faker_start_server
faker_psql -q <<SQL
CREATE EXTENSION faker;
CREATE TABLE parent (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE child (id bigserial PRIMARY KEY, parent_id int NOT NULL REFERENCES parent,
                    title text NOT NULL, email text);
SELECT faker_define('child', 'child', '{"references": {"parent_id": {"skew": 2, "mean": 20}},
  "columns": {"title": {"gen": "sentence", "words": 5}, "email": {"gen": "email"}}}');
SELECT pg_backend_pid() AS pid \gset
\setenv BPID :pid
\! grep -E "VmHWM|RssAnon" /proc/\$BPID/status | sed 's/^/before: /'
\timing on
SELECT * FROM faker_populate('child', $ROWS, 1);
\timing off
\setenv BPID :pid
\! grep -E "VmHWM|RssAnon" /proc/\$BPID/status | sed 's/^/after:  /'
SQL
