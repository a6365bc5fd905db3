#!/usr/bin/env bash
# Starts Debian's PostgreSQL and creates the training register's test database, then prints the
# DATABASE_URL to use. Run as root (CI) or with sudo. Idempotent.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root su postgres -c "$1"; }

version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
  echo "Kein PostgreSQL-Cluster gefunden (apt-get install postgresql)." >&2
  exit 1
fi
as_root pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true

as_postgres "psql -v ON_ERROR_STOP=1 -tAc \"select 1 from pg_roles where rolname = 'azr'\"" | grep -q 1 ||
  as_postgres "psql -v ON_ERROR_STOP=1 -c \"create role azr login password 'azr' createdb\"" >/dev/null
as_postgres "psql -v ON_ERROR_STOP=1 -tAc \"select 1 from pg_database where datname = 'azr_test'\"" | grep -q 1 ||
  as_postgres "createdb -O azr azr_test"

echo "postgres://azr:azr@127.0.0.1:5432/azr_test"
