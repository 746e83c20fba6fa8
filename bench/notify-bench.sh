#!/usr/bin/env bash
# Notification dispatch benchmark (issue 10): the jar's own notification workers drain an outbox of
# Slack notifications, all queued at once, into a local stand-in (bench/NotifyBench.java: the JDK HTTP server, answering 503
# to a share of the posts so that retries and backoff run), against a real PostgreSQL 15 server
# (Debian's `postgresql` package) that this script starts and deletes itself. In the same run, for
# each configuration: the stand-in's own ceiling (an HTTP client built as Warden's, the same
# concurrency); once: PostgreSQL's (pgbench, single-row insert, 16 clients). Loopback only.
#
#   flock /tmp/warden-mvn.lock bench/notify-bench.sh [notifications, default 20000] [% 503, default 5]
#   BENCH_CONFIGS="2:50:16 4:100:32"   the jar's settings to drain with, one drain each, as
#       threads:batch:concurrency = WARDEN_NOTIFY_WORKERS_THREADS : WARDEN_NOTIFY_BATCH_SIZE :
#       WARDEN_NOTIFY_WORKERS_CONCURRENCY (default: one drain with the jar's defaults, 4:50:32)
#   BENCH_WARMUP=5000   notifications drained first by each jar (and posted first by each ceiling
#                       client), unmeasured: JIT, pools and connections warm, as in a running server
#   BENCH_PROFILE=1     also a JFR of the jar during each measured drain, summarised
#   BENCH_JAR=path      that jar instead of bootstrap/target/warden.jar (a baseline; an older jar
#                       ignores the settings it does not know)
# Retries: backoff base 10 ms, cap 200 ms (so that the retries land inside the run), 10 attempts.
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin, psql, pgbench, curl, a JDK
# 17+ (jcmd and jfr for BENCH_PROFILE). Builds the jar when it is missing (BENCH_BUILD=always: every time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
FAIL_PERCENT=${2:-5}
CONFIGS=${BENCH_CONFIGS:-4:50:32}
WARMUP=${BENCH_WARMUP:-5000}
BENCH_NAME=notify
source bench/lib.sh

start_postgres
PORT=$(free_port "${BENCH_PORT:-18280}")
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       MICRONAUT_SERVER_PORT=$PORT WARDEN_NOTIFY_RETRY_BASE=10ms WARDEN_NOTIFY_RETRY_CAP=200ms \
       WARDEN_NOTIFY_MAX_ATTEMPTS_SLACK=10

java bench/NotifyBench.java standin "$FAIL_PERCENT" >"$WORK/standin.log" 2>&1 &
STANDIN_PID=$!
trap 'kill $STANDIN_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 120); do grep -q '^port=' "$WORK/standin.log" && break; sleep 0.25; done
STANDIN="http://127.0.0.1:$(sed -n 's/^port=//p' "$WORK/standin.log")"
standin_count() {  # standin_count <field>: served, accepted or distinct
  curl -sf "$STANDIN/count" | sed -E "s/.*$1=([0-9]+).*/\1/"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else print "—" }'; }

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== jar: $WARDEN_JAR; load before: $(uptime | sed 's/.*load/load/')"
# Migrations only: the notification workers stay off while the outbox is filled.
export WARDEN_NOTIFY_WORKERS_ENABLED=false
start_warden false
stop_warden
unset WARDEN_NOTIFY_WORKERS_ENABLED
ORG=00000000-0000-0000-0000-0000000000b1
"${SQL[@]}" -c "INSERT INTO organizations (id, name, created_at) VALUES ('$ORG', 'Bench', now())"

# What OutboxAlertNotices stores for a CRITICAL quality alert routed to Slack, one per notification:
# fill_outbox <count> <dedupe key prefix>, committed at once.
fill_outbox() {
  "${SQL[@]}" -c "INSERT INTO notifications (organization_id, id, alert_id, dedupe_key, channel, recipient, message,
      status, attempts, max_attempts, created_at, next_attempt_at, updated_at)
    SELECT '$ORG', gen_random_uuid(), gen_random_uuid(), '$2:' || i, 'SLACK', '$STANDIN/services/T0/B0/bench',
      jsonb_build_object('severity', 'CRITICAL', 'title', 'CRITICAL: QUALITY_DEGRADED',
        'text', 'Quality of template order_update_' || i || ' (en_US) fell from GREEN to RED',
        'fields', jsonb_build_array(jsonb_build_object('name', 'Severity', 'value', 'CRITICAL'),
          jsonb_build_object('name', 'Type', 'value', 'QUALITY_DEGRADED'),
          jsonb_build_object('name', 'Template', 'value', 'order_update_' || i)),
        'dashboardPath', '/alerts/' || gen_random_uuid()),
      'QUEUED', 0, 10, now(), now(), now()
    FROM generate_series(1, $1) i" >/dev/null
}
unsettled() { "${SQL[@]}" -c "/* bench */ SELECT EXISTS (SELECT 1 FROM notifications
  WHERE status IN ('QUEUED', 'RETRYING', 'SENDING'))"; }

ROWS=()
VERDICT=PASS
drain() {  # drain <threads> <batch> <concurrency>
  local threads=$1 batch=$2 concurrency=$3
  echo "== drain with threads=$threads batch=$batch concurrency=$concurrency: $N Slack notifications queued at once" \
    "into a jar warmed by $WARMUP, ${FAIL_PERCENT} % of posts answered 503"
  "${SQL[@]}" -c "TRUNCATE notification_attempts, send_deliveries, notifications" >/dev/null
  fill_outbox "$WARMUP" warm
  WARDEN_NOTIFY_WORKERS_THREADS=$threads WARDEN_NOTIFY_BATCH_SIZE=$batch WARDEN_NOTIFY_WORKERS_CONCURRENCY=$concurrency \
    start_warden false
  # A first drain of $WARMUP warms the jar (JIT, pools, connections) and is not measured.
  for _ in $(seq 1 1200); do [ "$(unsettled)" = f ] && break; sleep 0.5; done
  "${SQL[@]}" -c "VACUUM ANALYZE notifications" -c "VACUUM ANALYZE notification_attempts" -c "CHECKPOINT" \
    -c "SELECT pg_stat_statements_reset()" >/dev/null
  local served0 accepted0 distinct0 seq0
  served0=$(standin_count served); accepted0=$(standin_count accepted); distinct0=$(standin_count distinct)
  seq0=$("${SQL[@]}" -c "SELECT coalesce(max(seq), 0) FROM notification_attempts")
  [ -n "${BENCH_PROFILE:-}" ] && jcmd "$WARDEN_PID" JFR.start name=drain settings=profile >/dev/null
  local t0 t1 jvm0 jvm1 pg0 pg1 load0 load1
  t0=$(date +%s.%N); jvm0=$(jvm_ticks); pg0=$(pg_ticks); load0=$(cut -d' ' -f1 /proc/loadavg)
  fill_outbox "$N" bench
  for _ in $(seq 1 1200); do [ "$(unsettled)" = f ] && break; sleep 0.5; done
  t1=$(date +%s.%N); jvm1=$(jvm_ticks); pg1=$(pg_ticks); load1=$(cut -d' ' -f1 /proc/loadavg)
  [ -n "${BENCH_PROFILE:-}" ] && jcmd "$WARDEN_PID" JFR.dump name=drain filename="$WORK/drain.jfr" >/dev/null
  grep -o 'Notification outbox: .*' "$WARDEN_LOG" | head -1 | sed 's/^/   /'
  stop_warden
  local served=$(($(standin_count served) - served0)) accepted=$(($(standin_count accepted) - accepted0))
  local distinct=$(($(standin_count distinct) - distinct0))
  # First try to last record, from the attempts the workers stored for the measured notifications.
  local sent dead other tries retries seconds rate twice
  read -r sent dead other tries retries seconds rate <<<"$("${SQL[@]}" -F ' ' -c "
    WITH measured AS (SELECT status FROM notifications WHERE dedupe_key LIKE 'bench:%')
    SELECT (SELECT count(*) FROM measured WHERE status = 'SENT'), (SELECT count(*) FROM measured WHERE status = 'DEAD'),
           (SELECT count(*) FROM measured WHERE status NOT IN ('SENT', 'DEAD')),
           count(*), count(*) FILTER (WHERE result <> 'SENT'),
           round(extract(epoch FROM max(at) - min(at))::numeric, 2),
           round((SELECT count(*) FROM measured WHERE status = 'SENT') / greatest(extract(epoch FROM max(at) - min(at)), 0.001))
    FROM notification_attempts WHERE seq > $seq0")"
  twice=$("${SQL[@]}" -c "SELECT count(*) FROM (SELECT 1 FROM notification_attempts WHERE result = 'SENT'
    GROUP BY notification_id HAVING count(*) > 1) twice")
  echo "   sent=$sent dead=$dead other=$other in ${seconds}s (first try to last record): ${rate}/s"
  echo "   provider posts: $served served by the stand-in, $tries tries recorded ($retries answered 503 and retried);" \
    "$accepted accepted for $distinct distinct notifications; $twice recorded as sent twice"
  awk -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v s="$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" \
    -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" 'BEGIN { t = j + p; if (t == 0) t = 1;
    printf "   CPU: JVM %.0f %% : PostgreSQL %.0f %% of what they used; %.0f %% of %d cores busy with both (%.1f s)\n",
    100 * j / t, 100 * p / t, 100 * (j + p) / hz / s / n, n, s }'
  echo "   load average (1 min) at the start and the end of the drain: $load0, $load1"
  echo "   top statements by total time (calls | total | mean | rows | query):"
  "${SQL[@]}" -F ' | ' -c "SELECT calls, round(total_exec_time)::text || ' ms', round(mean_exec_time::numeric, 3)::text || ' ms',
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'warden')
      AND query NOT LIKE '%/* bench */%' AND query NOT LIKE '%pg_stat_statements%'
    ORDER BY total_exec_time DESC LIMIT 8" | sed 's/^/     /'
  if [ -n "${BENCH_PROFILE:-}" ] && [ -f "$WORK/drain.jfr" ]; then
    echo "   profile of the jar during the drain (JFR execution samples):"
    summarise_jfr "$WORK/drain.jfr"
    rm -f "$WORK/drain.jfr"
  fi
  local ceiling
  ceiling=$(java bench/NotifyBench.java ceiling "$STANDIN/services/T0/B0/ceiling" "$concurrency" "$N" "$WARMUP" | sed -n 's/^ceiling\/s=//p')
  echo "   the stand-in alone, $N posts from $concurrency threads (after $WARMUP unmeasured): ${ceiling}/s"
  [ "$sent" = "$N" ] && [ "$twice" = 0 ] && [ "$distinct" = "$N" ] && [ "$accepted" = "$N" ] && [ "$served" = "$tries" ] \
    || VERDICT=FAIL
  ROWS+=("| $threads : $batch : $concurrency | $N | $rate | $ceiling | $(ratio "$rate" "$ceiling") | $served ($retries) | $((accepted - distinct)) | $load0 → $load1 |")
}

for config in $CONFIGS; do
  IFS=: read -r threads batch concurrency <<<"$config"
  drain "$threads" "$batch" "$concurrency"
done

echo "== ceiling: pgbench, single-row INSERT of an attempt-sized row, 16 clients, 10 s"
"${SQL[@]}" -c "CREATE TABLE bench_ceiling (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL,
  result varchar(20) NOT NULL, error text); ALTER TABLE bench_ceiling OWNER TO warden"
echo "INSERT INTO bench_ceiling (at, result, error) VALUES (now(), 'RETRYING', 'Slack answered 503 rollup_error');" \
  > "$WORK/insert.sql"
chmod 644 "$WORK/insert.sql"
PGBENCH=$(PGPASSWORD=$DB_PASSWORD "$PG_BIN/pgbench" -n -h localhost -p "$PGPORT" -U warden -c 16 -j 2 -T 10 \
  -f "$WORK/insert.sql" warden 2>"$WORK/pgbench.err" | sed -nE 's/^tps = ([0-9]+).*/\1/p' | head -1)
echo "   ${PGBENCH:-?} tps"
echo "== load after: $(uptime | sed 's/.*load/load/')"

echo
echo "| threads : batch : concurrency | notifications | dispatched/s | stand-in ceiling/s | ratio | provider posts (503s retried) | sent twice | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo "pgbench single-row insert ceiling of the same server: ${PGBENCH:-?} tps"
echo "== correctness: $VERDICT (every notification SENT, each accepted by the stand-in once, every post recorded)"
[ "$VERDICT" = PASS ]
