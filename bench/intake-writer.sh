#!/usr/bin/env bash
# Where the webhook intake's time goes (issue 7): phase (b) of realistic-bench.sh alone, by hand, with the delivery
# writer's session watched from PostgreSQL. Same mix, same server set-up, wrk at 16 connections, the workers off.
#
#   bench/intake-writer.sh [seconds measured, default 20] [seconds of warm-up, default 90]
#   BENCH_JAR=/tmp/other.jar bench/intake-writer.sh        # another build's jar, e.g. to compare two in turn
#
# Prints, over the measured seconds: the rate and latencies; the CPU per acknowledged POST of the jar and of
# PostgreSQL (ticks from /proc); the JIT compiler threads' share of the JVM's CPU (above ~10 %, warm up longer);
# the statements that took the most time (pg_stat_statements with track_planning: executing and planning apart);
# what the writer's session was doing, sampled every ~5 ms from pg_stat_activity (running on the CPU, waiting for
# the WAL's flush, waiting for the jar inside a transaction, or idle between groups); the WAL written; and the
# pgbench ceiling of realistic-bench.sh (a), measured last. The sampler is a session of its own and takes some CPU.
set -euo pipefail
SECONDS_MEASURED=${1:-20}
WARM_SECONDS=${2:-90}
BENCH_NAME=intake-writer
source bench/lib.sh
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)"; exit 1; }

start_postgres -c pg_stat_statements.track_planning=on
PORT=$(free_port "${BENCH_PORT:-18280}")
SECRET=bench-app-secret
WABA=190000000000001
TEMPLATES=5000
BASE="http://localhost:$PORT"
URL="$BASE/webhooks/meta"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 WARDEN_META_APP_SECRET=$SECRET \
       WARDEN_META_VERIFY_TOKEN=bench-verify-token MICRONAUT_SERVER_PORT=$PORT \
       WARDEN_QUALITY_SNAPSHOT_INITIAL_DELAY=24h

echo "== the templates: $TEMPLATES, created by signed APPROVED webhooks (workers on)"
start_warden true
TOKEN=$(curl -sf -X POST "$BASE/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
ORG=$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WABA\",\"name\":\"Bench\"}" >/dev/null
STATE=$WORK/mix.state
load seed "$URL" $SECRET $WABA $TEMPLATES "$STATE"
sleep 5
stop_warden

# mix <seconds>: the mix's bodies written and signed first (8,000 per second), then sent by wrk; its summary line.
mix() {
  load mix-file $SECRET $WABA $TEMPLATES $((8000 * $1)) 2 "$WORK/bodies" "$STATE" >/dev/null
  wrk -t 2 -c 16 -d "${1}s" -s bench/mix.lua "$URL" -- "$WORK/bodies" | tail -1
  rm -f "$WORK"/bodies.*
}
echo "== warm-up: ${WARM_SECONDS}s of the mix on the restarted jar, workers off"
start_warden false -XX:-UseDynamicNumberOfCompilerThreads
mix "$WARM_SECONDS" >/dev/null

echo "== measured: ${SECONDS_MEASURED}s of the mix"
load mix-file $SECRET $WABA $TEMPLATES $((8000 * SECONDS_MEASURED)) 2 "$WORK/bodies" "$STATE" >/dev/null
"${SQL[@]}" -c "CREATE UNLOGGED TABLE writer_samples (doing text)" \
  -c "SELECT pg_stat_statements_reset(), pg_stat_reset_shared('wal')" >/dev/null
# The writer's session is the one running (or in a transaction of) the writer's statements; the pool's other
# sessions that last ran one of them are idle. One sample: what a non-idle such session does, or 'idle'.
SAMPLES=$((SECONDS_MEASURED * 190))
"${SQL[@]}" -c "DO \$\$ BEGIN FOR i IN 1..$SAMPLES LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO writer_samples SELECT coalesce((SELECT state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'CPU')
      FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'
        AND (query ILIKE '%webhook_deliveries%' OR query ILIKE '%webhook_changes%' OR query IN ('BEGIN', 'COMMIT'))
      LIMIT 1), 'idle (between groups)');
    PERFORM pg_sleep(0.005);
  END LOOP; END \$\$" >/dev/null &
SAMPLER=$!
J0=$(jvm_ticks); JIT0=$(jit_ticks); P0=$(pg_ticks); T0=$(date +%s.%N)
RESULT=$(wrk -t 2 -c 16 -d "${SECONDS_MEASURED}s" -s bench/mix.lua "$URL" -- "$WORK/bodies" | tail -1)
J1=$(jvm_ticks); JIT1=$(jit_ticks); P1=$(pg_ticks); T1=$(date +%s.%N)
rm -f "$WORK"/bodies.*
wait "$SAMPLER"
echo "   $RESULT"
N=$(sed -nE 's/.*requests=([0-9]+).*/\1/p' <<<"$RESULT")
awk -v j=$((J1 - J0)) -v jit=$((JIT1 - JIT0)) -v p=$((P1 - P0)) -v n="$N" -v hz="$(getconf CLK_TCK)" -v t0="$T0" -v t1="$T1" 'BEGIN {
  printf "   CPU per POST: jar %.3f ms, PostgreSQL %.3f ms; the two took %.0f %% of two cores; JIT %.0f %% of the jar\n",
    1000 * j / hz / n, 1000 * p / hz / n, 100 * (j + p) / hz / (t1 - t0) / 2, 100 * jit / (j + 1) }'
echo "== statements (pg_stat_statements, the measured seconds)"
"${SQL[@]}" -F ' | ' -c "/* bench */ SELECT calls, round(total_exec_time) || ' ms', round(total_plan_time) || ' ms planning',
    rows, left(regexp_replace(query, '\s+', ' ', 'g'), 90) FROM pg_stat_statements
  WHERE query NOT ILIKE '%writer_samples%' AND query NOT ILIKE '%pg_sleep%' AND query NOT ILIKE '%pg_stat_clear_snapshot%'
  ORDER BY total_exec_time + total_plan_time DESC LIMIT 6"
echo "== the writer's session, sampled"
"${SQL[@]}" -F ' | ' -c "/* bench */ SELECT doing, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1) || ' %'
  FROM writer_samples GROUP BY doing ORDER BY count(*) DESC"
echo "== WAL (records, bytes, full-page images) per POST"
"${SQL[@]}" -F ' | ' -c "/* bench */ SELECT round(wal_records::numeric / $N, 1), round(wal_bytes / $N), round(wal_fpi::numeric / $N, 2) FROM pg_stat_wal"
echo "== (a) ceiling: pgbench, single-row INSERT of a 1.5 KB body, 16 clients, ${SECONDS_MEASURED}s"
insert_ceiling 16 "$SECONDS_MEASURED" $WABA
RATE=$(sed -nE 's/.*rate=([0-9]+).*/\1/p' <<<"$RESULT")
if [ -n "$CEILING" ]; then awk -v r="$RATE" -v c="$CEILING" 'BEGIN { printf "   intake / ceiling: %.2f\n", r / c }'; fi
