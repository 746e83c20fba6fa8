#!/usr/bin/env bash
# Where the webhook intake's time goes (issue 7): phase (b) of realistic-bench.sh alone, by hand, with the delivery
# writer's database session watched from PostgreSQL. The same mix, PostgreSQL 15 started by lib.sh (with
# pg_stat_statements.track_planning, without realistic-bench.sh's autovacuum logging), wrk at 16 connections, the workers off; no campaigns, no VACUUM after the seed.
#
#   bench/intake-writer.sh [seconds measured, default 20] [seconds of warm-up, default 150, in rounds of 10 s]
#   BENCH_JAR=/tmp/other.jar bench/intake-writer.sh        # another build's jar, e.g. to compare two in turn
#
# Prints, over the measured seconds: the rate and latencies; the CPU per acknowledged POST of the jar and of
# PostgreSQL (ticks from /proc; the sampler's own session is subtracted from PostgreSQL's); the JIT compiler threads'
# share of the JVM's CPU (a warning above 10 %: warm up longer); the statements that took the most time
# (pg_stat_statements with track_planning: executing and planning apart); what the writer's session was doing,
# sampled every ~5 ms from pg_stat_activity within wrk's run (running with no wait event, which includes waiting for
# a core; waiting for the WAL's flush; inside a transaction waiting for the jar's next statement; or no session in a
# writer's transaction at all), and its longest stretches in one state with the time each began (a lead to the stalls
# that set wrk's p99); the checkpoints PostgreSQL logged around the measured seconds; the WAL per POST; and the
# pgbench ceiling of realistic-bench.sh (a), measured last (the jar still up, idle), with its p99 also corrected as
# wrk corrects. BENCH_PG_SETTINGS (lib.sh) tries other server settings.
set -euo pipefail
SECONDS_MEASURED=${1:-20}
WARM_SECONDS=${2:-150}
BENCH_NAME=intake-writer
cd "$(dirname "$0")/.."
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
bench_organisation "$WABA"
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
for ((round = 0; round < (WARM_SECONDS + 9) / 10; round++)); do mix 10 >/dev/null; done

echo "== measured: ${SECONDS_MEASURED}s of the mix"
load mix-file $SECRET $WABA $TEMPLATES $((8000 * SECONDS_MEASURED)) 2 "$WORK/bodies" "$STATE" >/dev/null
"${SQL[@]}" -c "CREATE UNLOGGED TABLE writer_samples (at double precision, doing text)" \
  -c "SELECT pg_stat_statements_reset(), pg_stat_reset_shared('wal')" >/dev/null
# The writer's session is one in a transaction of the writer's statements (its group's pooled connection; the
# others that last ran one are idle). Each sample: what such a session does, or 'no writer's transaction'. Samples
# are kept only within wrk's run (their clock is this machine's, as date's). The loop is one transaction: its
# snapshot holds back vacuum, harmless to inserts only.
"${SQL[@]}" -c "DO \$\$ BEGIN
  WHILE clock_timestamp() < now() + interval '$((SECONDS_MEASURED + 10)) seconds' LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO writer_samples SELECT extract(epoch FROM clock_timestamp()), coalesce((
      SELECT state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'no wait event')
      FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state <> 'idle'
        AND (query ILIKE '%webhook_deliveries%' OR query ILIKE '%webhook_changes%' OR query IN ('BEGIN', 'COMMIT'))
      ORDER BY query ILIKE '%webhook_%' DESC LIMIT 1), 'no writer''s transaction');
    PERFORM pg_sleep(0.005);
  END LOOP; END \$\$" >/dev/null &
SAMPLER=$!
SAMPLER_BACKEND=
until [ -n "$SAMPLER_BACKEND" ]; do
  kill -0 "$SAMPLER" 2>/dev/null || { wait "$SAMPLER" || true; echo "the sampler stopped before it began"; exit 1; }
  sleep 0.1
  SAMPLER_BACKEND=$("${SQL[@]}" -c "/* bench */ SELECT pid FROM pg_stat_activity
    WHERE query LIKE 'DO %writer_samples%' AND pid <> pg_backend_pid()")
done
sampler_ticks() { awk '{print $14 + $15}' "/proc/$SAMPLER_BACKEND/stat"; }
sleep 1
J0=$(jvm_ticks); JIT0=$(jit_ticks); P0=$(pg_ticks); S0=$(sampler_ticks); T0=$(date +%s.%N)
RESULT=$(wrk -t 2 -c 16 -d "${SECONDS_MEASURED}s" -s bench/mix.lua "$URL" -- "$WORK/bodies" | tail -1)
T1=$(date +%s.%N); S1=$(sampler_ticks); J1=$(jvm_ticks); JIT1=$(jit_ticks); P1=$(pg_ticks)
rm -f "$WORK"/bodies.*
wait "$SAMPLER" || { echo "the sampler failed"; exit 1; }
echo "   $RESULT"
N=$(sed -nE 's/.* ok=([0-9]+).*/\1/p' <<<"$RESULT")
grep -q ' errors=0 ran_out=0' <<<"$RESULT" && [ "${N:-0}" -gt 0 ] \
  || { echo "the measured phase failed (errors, bodies run out or nothing acknowledged)"; exit 1; }
awk -v j=$((J1 - J0)) -v jit=$((JIT1 - JIT0)) -v p=$((P1 - P0 - (S1 - S0))) -v n="$N" -v hz="$(getconf CLK_TCK)" \
  -v t0="$T0" -v t1="$T1" 'BEGIN {
  printf "   CPU per POST: jar %.3f ms, PostgreSQL %.3f ms (without the sampler); the two took %.0f %% of two cores\n",
    1000 * j / hz / n, 1000 * p / hz / n, 100 * (j + p) / hz / (t1 - t0) / 2
  printf "   JIT compiler threads: %.0f %% of the jar%s\n", 100 * jit / (j + 1),
    (jit > 0.1 * j ? " (over 10 %: still compiling, warm up longer)" : "") }'
echo "== statements (pg_stat_statements, the measured seconds)"
"${SQL[@]}" -F ' | ' -c "/* bench */ SELECT calls, round(total_exec_time) || ' ms', round(total_plan_time) || ' ms planning',
    rows, left(regexp_replace(query, '\s+', ' ', 'g'), 90) FROM pg_stat_statements
  WHERE query NOT LIKE '/* bench */%' AND query NOT ILIKE '%writer_samples%' AND query NOT ILIKE '%pg_sleep%'
    AND query NOT ILIKE '%pg_stat_clear_snapshot%'
  ORDER BY total_exec_time + total_plan_time DESC LIMIT 6"
echo "== the writer's session, sampled"
"${SQL[@]}" -F ' | ' -c "/* bench */ SELECT doing, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1) || ' %'
  FROM writer_samples WHERE at BETWEEN $T0 AND $T1 GROUP BY doing ORDER BY count(*) DESC"
# wrk corrects its latencies for coordinated omission (each answer slower than twice the run's mean interval per
# connection adds the answers a steady sender would have waited for), so its p99 is about the latency exceeded during
# 1 % of the run: stalls set it. A lead to them: the writer's longest stretches in one state (first to last sample,
# consecutive groups in one state merged), and the sampler's longest gap (the sampler itself held up).
echo "== the writer's longest stretches in one state, and the sampler's longest gap (stalls)"
"${SQL[@]}" -F ' | ' -c "/* bench */ WITH s AS (SELECT at, doing, at - lag(at) OVER w AS gap,
      (lag(doing) OVER w IS DISTINCT FROM doing)::int AS starts FROM writer_samples
      WHERE at BETWEEN $T0 AND $T1 WINDOW w AS (ORDER BY at)),
    g AS (SELECT at, doing, gap, sum(starts) OVER (ORDER BY at) AS stretch FROM s)
  (SELECT doing || ' from ' || to_char(to_timestamp(min(at)) AT TIME ZONE 'UTC', 'HH24:MI:SS.MS'),
      round(1000 * (max(at) - min(at))) || ' ms' FROM g GROUP BY stretch, doing
    ORDER BY max(at) - min(at) DESC LIMIT 5)
  UNION ALL SELECT 'longest gap between two samples', round(1000 * max(gap)) || ' ms' FROM g"
# The checkpoints PostgreSQL logged (log_checkpoints is on by default) from the warm-up on: a checkpoint's sync phase
# (the last "sync=" seconds before its "complete" line) flushes the data files on the disk the WAL is flushed to.
echo "== checkpoints logged since the warm-up (measured from $(date -u -d "@$T0" +%H:%M:%S) to $(date -u -d "@$T1" +%H:%M:%S) UTC)"
{ grep -E "checkpoint (starting|complete)" "$WORK/pgdata/server.log" || echo "none"; } | tail -6 \
  | sed -E 's/^[0-9-]+ ([0-9:.]+) UTC \[[0-9]+\] LOG: +/   \1 /; s/; (0 WAL|wrote).*(sync=[0-9.]+ s).*(longest=[0-9.]+ s).*/; \2, \3/'
# A backend reports its WAL counters at most once a second, an idle one within 10 s.
sleep 11
echo "== WAL (records, bytes, full-page images) per POST"
"${SQL[@]}" -F ' | ' -c "/* bench */ SELECT round(wal_records::numeric / $N, 1), round(wal_bytes / $N), round(wal_fpi::numeric / $N, 2) FROM pg_stat_wal"
echo "== (a) ceiling: pgbench, single-row INSERT of a 1.5 KB body, 16 clients, ${SECONDS_MEASURED}s"
insert_ceiling 16 "$SECONDS_MEASURED" $WABA
RATE=$(sed -nE 's/.*rate=([0-9]+).*/\1/p' <<<"$RESULT")
if [ -n "$CEILING" ]; then awk -v r="$RATE" -v c="$CEILING" 'BEGIN { printf "   intake / ceiling: %.2f\n", r / c }'; fi
