#!/usr/bin/env bash
# Makes a PostgreSQL server answer on 127.0.0.1 for the persistence tests, idempotently:
# reuses a running server, else installs Debian's `postgresql` (root + apt) and starts a cluster.
# Source it (`. scripts/postgres.sh`) to get CRM_TEST_POSTGRES exported; the tests skip PostgreSQL,
# with a visible message, when the variable is missing.
set -u
port=${CRM_PG_PORT:-5432}
role=crm_test
password=crm_test
database=crm_test

pg_answers() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "$port"; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

start_server() {
  if [ -z "$(pg_bin)" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres.sh: installing Debian's postgresql package"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  [ -n "$(pg_bin)" ] || return 1
  if command -v pg_lsclusters >/dev/null && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    read -r version cluster _ <<<"$(pg_lsclusters -h | head -1)"
    pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
  else
    data=${CRM_PG_DATA:-/tmp/crm-postgres}
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data" && { [ "$(id -u)" != 0 ] || chown postgres "$data"; }
      as_postgres "$(pg_bin)/initdb -D $data -A trust -U postgres" >/dev/null
    fi
    as_postgres "$(pg_bin)/pg_ctl -D $data -l $data/server.log -o '-h 127.0.0.1 -p $port' -w start" >/dev/null
  fi
  for _ in $(seq 1 30); do pg_answers && return 0; sleep 1; done
  return 1
}

if pg_answers || start_server; then
  psql_admin() { as_postgres "psql -h 127.0.0.1 -p $port -U postgres -tAc \"$1\"" 2>/dev/null \
    || as_postgres "psql -p $port -tAc \"$1\""; }
  [ "$(psql_admin "select 1 from pg_roles where rolname='$role'")" = 1 ] \
    || psql_admin "create role $role login createdb password '$password'" >/dev/null
  [ "$(psql_admin "select 1 from pg_database where datname='$database'")" = 1 ] \
    || psql_admin "create database $database owner $role" >/dev/null
  # Tests drop their databases WITH (FORCE), which may have to end an autovacuum worker.
  psql_admin "grant pg_signal_backend to $role" >/dev/null
  export CRM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$database"
  echo "postgres.sh: PostgreSQL answers on 127.0.0.1:$port (CRM_TEST_POSTGRES exported)"
else
  unset CRM_TEST_POSTGRES
  echo "postgres.sh: no PostgreSQL server could be started; PostgreSQL tests will be skipped"
fi
