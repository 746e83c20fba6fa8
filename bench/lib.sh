# Shared by the benchmarks in bench/; source it from the repository root after setting BENCH_NAME.
# It checks the tools, makes a work directory (deleted on exit together with the servers below),
# and offers start_postgres (Debian's PostgreSQL 15, defaults kept) and start_warden / stop_warden
# (the jar against it; the caller exports the jar's settings first).
#
# After start_postgres: PGPORT, DB_PASSWORD, PSQL (psql as the postgres superuser), SQL (psql on the
# database warden, owned by the role warden), PG_VERSION.

PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/psql" "$PG_BIN/pgbench" curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install postgresql curl)"; exit 1; }
done
[ -f bootstrap/target/warden.jar ] || ./mvnw -q -DskipTests package

WORK=$(mktemp -d "/tmp/warden-${BENCH_NAME:-bench}.XXXXXX")
chmod 755 "$WORK"
WARDEN_PID=
PG_STARTED=
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [ -n "$WARDEN_PID" ]; then kill "$WARDEN_PID" 2>/dev/null || true; wait "$WARDEN_PID" 2>/dev/null || true; fi
  if [ -n "$PG_STARTED" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() {
  local port=$1
  while ss -ltnH "sport = :$port" | grep -q .; do port=$((port + 1)); done
  echo "$port"
}

# PostgreSQL 15 with its defaults (fsync, synchronous_commit, shared_buffers ...); pg_stat_statements
# for profiles. start_postgres [extra server options...]
start_postgres() {
  PGPORT=$(free_port "${BENCH_PG_PORT:-25432}")
  DB_PASSWORD=bench-db-password
  mkdir -p "$WORK/pgdata" "$WORK/sock"
  [ "$(id -u)" = 0 ] && chown postgres: "$WORK/pgdata" "$WORK/sock"
  echo "$DB_PASSWORD" > "$WORK/pwfile"; chmod 644 "$WORK/pwfile"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --pwfile="$WORK/pwfile" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log"; exit 1; }
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/server.log" -w -t 60 \
    -o "-p $PGPORT -k $WORK/sock -c listen_addresses=localhost -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all $*" \
    start >/dev/null
  PG_STARTED=1
  PSQL=(as_postgres "$PG_BIN/psql" -h "$WORK/sock" -p "$PGPORT" -U postgres -X -v ON_ERROR_STOP=1 -qtA)
  "${PSQL[@]}" -d postgres -c "CREATE ROLE warden LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE warden OWNER warden"
  "${PSQL[@]}" -d warden -c "CREATE EXTENSION pg_stat_statements"
  SQL=("${PSQL[@]}" -d warden)
  PG_VERSION=$("${SQL[@]}" -c "SHOW server_version")
}

RUNS=0
start_warden() {  # start_warden <inbox workers enabled: true|false> [JVM options...]
  local workers=$1; shift
  RUNS=$((RUNS + 1))
  WARDEN_LOG="$WORK/warden-$RUNS.log"
  WARDEN_INBOX_WORKERS_ENABLED=$workers java -Xms512m -Xmx1g "$@" -jar bootstrap/target/warden.jar >"$WARDEN_LOG" 2>&1 &
  WARDEN_PID=$!
  for _ in $(seq 1 240); do grep -q "Warden is running" "$WARDEN_LOG" && return; sleep 0.25; done
  cat "$WARDEN_LOG"; exit 1
}
stop_warden() {
  kill "$WARDEN_PID"; wait "$WARDEN_PID" 2>/dev/null || true; WARDEN_PID=
}
load() { java -Xmx512m bench/WebhookLoad.java "$@"; }
field() { sed -nE "s/.* $1=([0-9.NaN]+).*/\1/p" <<<"$2"; }  # field <name> <line of WebhookLoad output>
