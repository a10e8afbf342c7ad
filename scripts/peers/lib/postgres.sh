# PostgreSQL 15 for integration tests: role b24 / database b24_test on 127.0.0.1. Sourced by peers.sh.
PG_VERSION=15
PG_CLUSTER=main

pg_is_running() {
  pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' |
    grep -q online
}

psql_admin() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -tA "$@"; }

ensure_postgres() {
  command -v pg_ctlcluster >/dev/null ||
    die "PostgreSQL is not installed (expected pg_ctlcluster $PG_VERSION $PG_CLUSTER)"
  if ! pg_is_running; then
    log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
    # 9>&- : the server must not inherit the peers lock (fd 9), or every later `up` waits for it until it times out
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2 9>&- || die "pg_ctlcluster start failed"
  fi
  # one round trip when everything already exists (the common case on every `up`)
  local state addrs has_role has_db
  state=$(psql_admin -F'|' -c "select current_setting('listen_addresses'),
    exists(select 1 from pg_roles where rolname = 'b24' and rolcreatedb),
    exists(select 1 from pg_database where datname = 'b24_test')")
  IFS='|' read -r addrs has_role has_db <<<"$state"
  case "$addrs" in
    localhost | 127.0.0.1 | "127.0.0.1,::1" | "localhost,127.0.0.1") ;;
    *) log "WARNING: PostgreSQL listen_addresses='$addrs' is wider than loopback" ;;
  esac
  # CREATEDB: Prisma's schema engine diffs migrations against a throw-away shadow database (db:create-migration, tests)
  [ "$has_role" = t ] || psql_admin -c "do \$\$ begin
    if exists (select 1 from pg_roles where rolname = 'b24') then alter role b24 createdb;
    else create role b24 login createdb password 'b24'; end if;
  end \$\$"
  [ "$has_db" = t ] || psql_admin -c "create database b24_test owner b24"
  log "PostgreSQL ready: $TEST_PG_URL"
}

stop_postgres() {
  pg_is_running && { pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop >&2; log "PostgreSQL stopped"; }
  return 0
}
