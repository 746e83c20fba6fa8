#!/usr/bin/env bash
# Soak benchmark (issue 13): the jar for a long while at a steady load with everything flowing at once, against a
# real PostgreSQL 15 server (Debian's `postgresql` package) that this script starts and deletes itself; does memory,
# latency or a backlog creep? Loopback only.
#
#   flock -o /tmp/warden-mvn.lock bench/soak-bench.sh [minutes, default 30] [changes/s, default 1000]
#   BENCH_PLOTS=dir                where the plots, the samples, the GC log and the jar's log go (default: a new
#                                  /tmp/warden-soak-out.* directory, printed; it outlives the run)
#   BENCH_SENDS_PER_SECOND=50      WARDEN_CAMPAIGN_SENDS_PER_SECOND: the campaign's pace
#   BENCH_STATUS_SENDS=1000        sends made before the load starts, whose status webhooks the mix reports (the
#                                  campaign's later sends join them as they go out: the file is rewritten every 10 s)
#   BENCH_STATUS_SHARE             share of the webhook POSTs that are such statuses (default: 3 per send of the
#                                  campaign's pace, as Meta reports ~3 per message: 3 × 50 / 1000 = 0.15)
#   BENCH_SLACK_FAIL_PERCENT=0     Slack posts the stand-in answers 503 (retried; 3 tries before DEAD fails the check)
#   BENCH_DRAIN_SECONDS            how long the inbox and the outbox may take to drain after the load (default: a
#                                  third of the run, at least 300 s: a backlog built up over the run may need it)
#   BENCH_JAR=path                 that jar instead of bootstrap/target/warden.jar
#
# Flowing at once for the whole run, all through the jar's real paths:
#   webhooks: realistic-bench.sh's mix (5,000 known templates, 500 of them in RUNNING campaigns, each POST a signed
#     status change APPROVED / PAUSED / PENDING of one of them, one in ten also a quality change) at a fixed rate of
#     changes (bench/WebhookLoad.java mix-rate, 48 paced senders), with Meta's `messages` status webhooks of real
#     sends mixed in (BENCH_STATUS_SHARE of the POSTs): pauses raise alerts and hold campaigns, approvals clear and
#     release them, statuses land on the sends' deliveries;
#   sends: one campaign of BENCH_SENDS_PER_SECOND × (the run + the status sends' time) recipients on a template of
#     its own (never in the mix, so never held), sent through bench/GraphStandIn.java (Meta's Cloud API stand-in) at
#     WARDEN_CAMPAIGN_SENDS_PER_SECOND, so it sends until about the load's end;
#   notifications: the organisation's preferences (PUT /api/v1/notification-preferences) route HIGH (TEMPLATE_PAUSED)
#     and CRITICAL alerts to a Slack webhook URL on bench/NotifyBench.java's stand-in (plain http, allowed by
#     WARDEN_NOTIFY_ALLOW_PLAIN_HTTP_SLACK=true).
# Every 10 s (the load generator's interval, WEBHOOKLOAD_INTERVAL) one row of samples.csv: elapsed s, heap used
# after the newest GC (the jar's -Xlog:gc* file), the jar's RSS (VmRSS), inbox age (now − oldest unprocessed
# change or delivery), outbox age (now − oldest due QUEUED/RETRYING alert notice; campaign sends wait for their
# pace by design and are counted apart), pending counts, the interval's webhook acknowledgement p50/p99 and rate,
# what the stand-ins accepted so far, and the changes processed per second over the interval. After the load, the rows go on until the inbox and the outbox drained.
# Then: a check (exit 1 on FAIL): every webhook POST answered 200, no change PENDING or DEAD, no delivery unsplit,
# no notification QUEUED, RETRYING, SENDING, FAILED or DEAD, every campaign send SENT and accepted by the Graph
# stand-in once, every Slack notice SENT and accepted once, statuses applied; the jar log's ERROR and WARN lines,
# counted and the commonest shown; the top statements (pg_stat_statements) over the load and the drain; a summary of the first against the last 5 minutes (half the run if shorter) —
# heap after GC, RSS, ack p50/p99, backlog ages: flat or creeping; PostgreSQL's ceiling in the same run (pgbench,
# single-row INSERT of a 1.5 KB mix body, 16 clients, 20 s, after the jar stopped); and SVG plots (gnuplot;
# installed with apt-get when missing and run as root): soak-memory.svg, soak-latency.svg, soak-backlog.svg.
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin (Debian: apt-get install postgresql),
# psql, pgbench, curl, openssl, a JDK 17+, gnuplot (gnuplot-nox) for the plots. Builds the jar when it is missing
# (BENCH_BUILD=always: every time). Disk: ~2 GB in /tmp per 30 minutes at 1,000 changes/s.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
RATE=${2:-1000}
DURATION=$((MINUTES * 60))
INTERVAL=10
TEMPLATES=5000
SENDS_PER_SECOND=${BENCH_SENDS_PER_SECOND:-50}
STATUS_SENDS=${BENCH_STATUS_SENDS:-1000}
STATUS_SHARE=${BENCH_STATUS_SHARE:-$(awk -v s="${BENCH_SENDS_PER_SECOND:-50}" -v r="$RATE" \
  'BEGIN { x = 3 * s / r; printf "%.3f", (x > 0.9 ? 0.9 : x) }')}
SLACK_FAIL_PERCENT=${BENCH_SLACK_FAIL_PERCENT:-0}
DRAIN_SECONDS=${BENCH_DRAIN_SECONDS:-$(( DURATION / 3 > 300 ? DURATION / 3 : 300 ))}
CEILING_CLIENTS=16
CEILING_SECONDS=20
BENCH_NAME=soak
source bench/lib.sh
OUT=${BENCH_PLOTS:-$(mktemp -d /tmp/warden-soak-out.XXXXXX)}
mkdir -p "$OUT"
GRAPH_PID= SLACK_PID=
trap '[ -n "$GRAPH_PID" ] && kill "$GRAPH_PID" 2>/dev/null; [ -n "$SLACK_PID" ] && kill "$SLACK_PID" 2>/dev/null; cleanup' EXIT
phase() { echo "== [${SECONDS}s] $*"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else print "—" }'; }

start_postgres
PORT=$(free_port "${BENCH_PORT:-18480}")
GRAPH_PORT=$(free_port $((PORT + 100)))
SECRET=bench-app-secret
WABA=190000000000001
NUMBER=106540352242922   # a business number GraphStandIn lists for every WABA
BASE="http://localhost:$PORT"
URL="$BASE/webhooks/meta"
java -Xmx256m bench/GraphStandIn.java "$GRAPH_PORT" 0 >"$WORK/graph.log" 2>&1 &
GRAPH_PID=$!
java -Xmx256m bench/NotifyBench.java standin "$SLACK_FAIL_PERCENT" >"$WORK/slack.log" 2>&1 &
SLACK_PID=$!
for _ in $(seq 1 120); do
  grep -q "graph stand-in on" "$WORK/graph.log" && grep -q '^port=' "$WORK/slack.log" && break; sleep 0.25
done
SLACK="http://127.0.0.1:$(sed -n 's/^port=//p' "$WORK/slack.log")"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 WARDEN_META_APP_SECRET=$SECRET \
       WARDEN_META_VERIFY_TOKEN=bench-verify-token MICRONAUT_SERVER_PORT=$PORT \
       WARDEN_META_GRAPH_URL="http://127.0.0.1:$GRAPH_PORT/v24.0" WARDEN_META_ACCESS_TOKEN=bench-graph-token \
       WARDEN_RECONCILE_ENABLED=false WARDEN_QUALITY_SNAPSHOT_ENABLED=false \
       WARDEN_CAMPAIGN_SENDS_PER_SECOND=$SENDS_PER_SECOND WARDEN_NOTIFY_ALLOW_PLAIN_HTTP_SLACK=true

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== jar: $WARDEN_JAR ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ', uncommitted changes')); load before: $(uptime | sed 's/.*load/load/')"
echo "== output: $OUT"
GC_LOG="$WORK/gc.log"
start_warden true "-Xlog:gc*:file=$GC_LOG:uptime,level,tags:filecount=0"
TOKEN=$(login bench bench-password-1)
ORG=$(json id "$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Bench"}')")
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WABA\",\"name\":\"Bench\"}" >/dev/null
curl -sf -o /dev/null -X PUT "$BASE/api/v1/notification-preferences?organizationId=$ORG" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"routes\":[{\"severity\":\"CRITICAL\",\"channels\":[\"SLACK\"]},
  {\"severity\":\"HIGH\",\"channels\":[\"SLACK\"]}],\"slack\":{\"webhookUrl\":\"$SLACK/services/T0/B0/soak\"}}" \
  || { echo "the notification preferences were refused"; exit 1; }
wait_for_empty_inbox() {  # wait_for_empty_inbox <seconds>
  for _ in $(seq 1 $(($1 * 2))); do
    [ "$("${SQL[@]}" -c "/* bench */ SELECT EXISTS (SELECT 1 FROM webhook_change_states WHERE state = 'PENDING')
      OR EXISTS (SELECT 1 FROM webhook_deliveries WHERE state = 'RECEIVED')")" = f ] && return 0
    sleep 0.5
  done
  return 1
}

phase "setup: $TEMPLATES templates (signed APPROVED status webhooks), $((TEMPLATES / 10)) of them in RUNNING campaigns"
STATE="$WORK/mix.state"
load seed "$URL" $SECRET $WABA "$TEMPLATES" "$STATE"
wait_for_empty_inbox 300 || { echo "the seed did not drain"; exit 1; }
OFFER_META=4000000000000001   # the campaign's template; none of the mix's
"${SQL[@]}" -c "SELECT id FROM templates WHERE organization_id = '$ORG' AND status = 'APPROVED'
  ORDER BY random() LIMIT $((TEMPLATES / 10))" > "$WORK/campaign-templates"
load campaigns "$BASE" "$TOKEN" "$ORG" "$WORK/campaign-templates"

# The campaign's sends so far, whose statuses the mix reports (WebhookLoad reads the file again when it changes).
list_sends() {
  "${SQL[@]}" -F ' ' -c "SELECT provider_message_id, ltrim(recipient, '+') FROM notifications
    WHERE organization_id = '$ORG' AND campaign_id = '$CAMPAIGN' AND status = 'SENT'" > "$WORK/sends.next" \
    && mv "$WORK/sends.next" "$WORK/sends"
}
TOTAL_SENDS=$((SENDS_PER_SECOND * DURATION + STATUS_SENDS))
phase "setup: a campaign of $TOTAL_SENDS recipients at $SENDS_PER_SECOND sends/s; its first $STATUS_SENDS sends go out before the load"
OFFER=$(offer_template $SECRET $WABA $OFFER_META $(($(date +%s) - 8 * 86400))) || exit 1
CAMPAIGN=$(json id "$(curl -sf -X POST "$BASE/api/v1/campaigns?organizationId=$ORG" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"name\":\"soak sends\",\"templateId\":\"$OFFER\"}")")
ADDED_IN=$(add_recipients "$CAMPAIGN" $NUMBER "$TOTAL_SENDS") || exit 1   # a refused call stops the run now
echo "   recipients added in ${ADDED_IN}s"
curl -sf -o /dev/null -X POST "$BASE/api/v1/campaigns/$CAMPAIGN/start?organizationId=$ORG" -H "Authorization: Bearer $TOKEN"
for _ in $(seq 1 600); do
  [ "$("${SQL[@]}" -c "SELECT count(*) FROM notifications WHERE organization_id = '$ORG' AND campaign_id = '$CAMPAIGN'
    AND status = 'SENT' AND provider_message_id IS NOT NULL")" -ge "$STATUS_SENDS" ] && break
  sleep 1
done
list_sends
[ "$(wc -l < "$WORK/sends")" -ge "$STATUS_SENDS" ] || { echo "   only $(wc -l < "$WORK/sends") sends went out"; exit 1; }
echo "   $(wc -l < "$WORK/sends") sends SENT with Meta's message ids: the mix reports their statuses"
"${SQL[@]}" -c "VACUUM ANALYZE" 2>/dev/null

# ---------------------------------------------------------------- samples
SAMPLES="$OUT/samples.csv"
echo "# elapsed_s,heap_after_gc_mb,rss_mb,inbox_age_s,outbox_age_s,inbox_pending,alerts_queued,campaign_left,ack_p50_ms,ack_p99_ms,ack_rate,slack_accepted,graph_accepted,processed_rate" \
  > "$SAMPLES"
# Heap used after the newest GC: G1's "Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M) 5.1ms" → 120.
heap_after_gc() {
  tac "$GC_LOG" 2>/dev/null | grep -m1 -E 'Pause .* [0-9]+M->[0-9]+M\([0-9]+M\)' \
    | sed -E 's/.* [0-9]+M->([0-9]+)M\([0-9]+M\).*/\1/' || true
}
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$WARDEN_PID/status" 2>/dev/null || true; }
# Cheap enough every 10 s: the partial indexes of PENDING changes and of due notifications hold only the backlog;
# the campaign's unsent rows are counted through notifications_of_campaign.
backlog() {
  "${SQL[@]}" -F ',' -c "/* bench */ SELECT
    round(coalesce(extract(epoch FROM now() - least(
      (SELECT min(received_at) FROM webhook_changes JOIN webhook_change_states ON change_id = id WHERE state = 'PENDING'),
      (SELECT min(received_at) FROM webhook_deliveries WHERE state = 'RECEIVED'))), 0)::numeric, 1),
    round(coalesce(extract(epoch FROM now() - (SELECT min(next_attempt_at) FROM notifications
      WHERE status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= now() AND campaign_id IS NULL)), 0)::numeric, 1),
    (SELECT count(*) FROM webhook_change_states WHERE state = 'PENDING'),
    (SELECT count(*) FROM notifications WHERE status IN ('QUEUED', 'RETRYING', 'SENDING') AND campaign_id IS NULL),
    (SELECT count(*) FROM notifications WHERE organization_id = '$ORG' AND campaign_id = '$CAMPAIGN'
       AND status IN ('QUEUED', 'RETRYING', 'SENDING'))"
}
# Changes the workers settled in the last interval, per second (webhook_change_states_settled holds processed_at).
processed_rate() {
  "${SQL[@]}" -c "/* bench */ SELECT round(count(*) / $INTERVAL.0) FROM webhook_change_states
    WHERE state IN ('DONE', 'IGNORED') AND processed_at > now() - interval '$INTERVAL seconds'"
}
slack_count() { curl -sf "$SLACK/count" | sed -E "s/.*$1=([0-9]+).*/\1/"; }        # served, accepted or distinct
graph_count() { curl -sf "$BASE_GRAPH/bench/messages/$NUMBER" | sed -E "s/.*$1=([0-9]+).*/\1/"; }  # served or distinct
BASE_GRAPH="http://127.0.0.1:$GRAPH_PORT"
sample() {  # sample <elapsed s> <ack p50> <ack p99> <ack rate>: one row, and a line a minute on the console
  local row
  list_sends || true
  row="$1,$(heap_after_gc),$(rss_mb),$(backlog || echo ',,,,'),$2,$3,$4,$(slack_count accepted || true),$(graph_count served || true),$(processed_rate || true)"
  echo "$row" >> "$SAMPLES"
  if [ $(($1 % 60)) = 0 ]; then
    awk -F, '{ printf "   [%4ds] heap after GC %s MB, RSS %s MB, inbox age %s s (%s pending, %s/s processed), outbox age %s s (%s alert notices, %s campaign sends left), ack p50 %s ms p99 %s ms at %s/s; Slack %s, Graph %s accepted\n",
      $1, $2, $3, $4, $6, $14, $5, $7, $8, $9, $10, $11, $12, $13 }' <<<"$row"
  fi
}

phase "soak: $MINUTES min of the mix at $RATE changes/s (status share $STATUS_SHARE), the campaign sending at $SENDS_PER_SECOND/s, alerts to Slack; a sample every ${INTERVAL}s"
"${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
JVM0=$(jvm_ticks); PG0=$(pg_ticks); T0=$(now)
WEBHOOKLOAD_INTERVAL=$INTERVAL load mix-rate "$URL" $SECRET $WABA "$RATE" "$DURATION" "$TEMPLATES" "$STATE" \
  "$WORK/sends" "$STATUS_SHARE" | while IFS= read -r line; do
    case $line in
      interval*) sample "$(field t "$line")" "$(field p50 "$line")" "$(field p99 "$line")" "$(field rate "$line")" ;;
      *) echo "$line" > "$WORK/load.result" ;;
    esac
  done
CPU_LINE=$(awk -v j=$(($(jvm_ticks) - JVM0)) -v p=$(($(pg_ticks) - PG0)) -v s="$(elapsed "$T0" "$(now)")" \
  -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" 'BEGIN { t = j + p; if (t == 0) t = 1;
  printf "JVM %.0f %% : PostgreSQL %.0f %% of the CPU they used; %.0f %% of %d cores busy with both", 100 * j / t, 100 * p / t,
  100 * (j + p) / hz / s / n, n }')
RESULT=$(cat "$WORK/load.result")
echo "   $RESULT"
echo "   CPU during the load: $CPU_LINE"

phase "drain: sampling on until the inbox and the outbox are empty (at most ${DRAIN_SECONDS}s)"
unsettled() {
  "${SQL[@]}" -c "/* bench */ SELECT EXISTS (SELECT 1 FROM webhook_change_states WHERE state = 'PENDING')
    OR EXISTS (SELECT 1 FROM webhook_deliveries WHERE state = 'RECEIVED')
    OR EXISTS (SELECT 1 FROM notifications WHERE status IN ('QUEUED', 'RETRYING', 'SENDING'))"
}
DRAINED=
for k in $(seq 1 $((DRAIN_SECONDS / INTERVAL))); do
  [ "$(unsettled)" = f ] && { DRAINED=$(( (k - 1) * INTERVAL )); break; }
  sleep "$INTERVAL"
  sample $((DURATION + k * INTERVAL)) NaN NaN NaN
done
[ -z "$DRAINED" ] && [ "$(unsettled)" = f ] && DRAINED=$DRAIN_SECONDS
if [ -n "$DRAINED" ]; then echo "   drained within ${DRAINED}s of the load's end"; else echo "   NOT drained within ${DRAIN_SECONDS}s"; fi

phase "check"
read -r REQUESTS OK <<<"$(field requests "$RESULT") $(field ok "$RESULT")"
CHECK=$("${SQL[@]}" -F ' ' -c "SELECT
  (SELECT count(*) FROM webhook_change_states WHERE state IN ('PENDING', 'DEAD')),
  (SELECT count(*) FROM webhook_deliveries WHERE state = 'RECEIVED'),
  (SELECT count(*) FROM notifications WHERE status IN ('QUEUED', 'RETRYING', 'SENDING')),
  (SELECT count(*) FROM notifications WHERE status IN ('FAILED', 'DEAD')),
  (SELECT count(*) FROM notifications WHERE organization_id = '$ORG' AND campaign_id = '$CAMPAIGN' AND status = 'SENT'),
  (SELECT count(*) FROM notifications WHERE channel = 'SLACK' AND status = 'SENT'),
  (SELECT count(*) FROM webhook_changes JOIN webhook_change_states ON change_id = id WHERE field = 'messages' AND state = 'DONE'),
  (SELECT count(*) FROM send_deliveries WHERE organization_id = '$ORG'),
  (SELECT count(*) FROM alerts WHERE organization_id = '$ORG' AND type = 'TEMPLATE_PAUSED'),
  (SELECT count(*) FROM webhook_changes),
  (SELECT count(*) FROM webhook_change_states WHERE attempts > 0)")
read -r LEFT UNSPLIT UNSENT DEAD SENT SLACK_SENT STATUSES DELIVERIES PAUSE_ALERTS CHANGES RETRIED <<<"$CHECK"
read -r STATUS_CHANGES STATUS_SENDS STATUS_WRONG <<<"$(status_check "$ORG")"
REDONE=$(redone_alone)
"${SQL[@]}" -F ' ' -c "SELECT '   changes by state:', string_agg(state || '=' || n, ' ' ORDER BY state)
  FROM (SELECT state, count(*) AS n FROM webhook_change_states GROUP BY state) s"
"${SQL[@]}" -F ' ' -c "SELECT '   notifications by channel and status:', string_agg(channel || ' ' || status || '=' || n, ', ' ORDER BY channel, status)
  FROM (SELECT channel, status, count(*) AS n FROM notifications GROUP BY channel, status) s"
GRAPH_SERVED=$(graph_count served) GRAPH_DISTINCT=$(graph_count distinct)
SLACK_ACCEPTED=$(slack_count accepted) SLACK_DISTINCT=$(slack_count distinct) SLACK_SERVED=$(slack_count served)
VERDICT=PASS
[ "$OK" = "$REQUESTS" ] && [ "$LEFT" = 0 ] && [ "$UNSPLIT" = 0 ] && [ "$UNSENT" = 0 ] && [ "$DEAD" = 0 ] || VERDICT=FAIL
[ "$SENT" = "$TOTAL_SENDS" ] && [ "$GRAPH_SERVED" = "$TOTAL_SENDS" ] && [ "$GRAPH_DISTINCT" = "$TOTAL_SENDS" ] || VERDICT=FAIL
[ "$SLACK_SENT" -gt 0 ] && [ "$SLACK_ACCEPTED" = "$SLACK_SENT" ] && [ "$SLACK_DISTINCT" = "$SLACK_SENT" ] || VERDICT=FAIL
[ "$STATUSES" -gt 0 ] && [ "$DELIVERIES" -gt 0 ] && [ "$STATUS_WRONG" = 0 ] || VERDICT=FAIL
# A batch that failed (a deadlock, a lost race) was redone change by change: correct, but a defect of speed.
[ "$REDONE" = 0 ] || VERDICT=FAIL
echo "   $VERDICT: webhook POSTs $OK of $REQUESTS answered 200; $LEFT changes PENDING or DEAD, $UNSPLIT deliveries unsplit;" \
  "$UNSENT notifications QUEUED, RETRYING or SENDING, $DEAD FAILED or DEAD"
echo "   campaign: $SENT of $TOTAL_SENDS sends SENT; the Graph stand-in accepted $GRAPH_SERVED for $GRAPH_DISTINCT distinct recipients"
echo "   Slack: $SLACK_SENT notices SENT ($PAUSE_ALERTS TEMPLATE_PAUSED alerts raised); the stand-in answered $SLACK_SERVED posts," \
  "accepted $SLACK_ACCEPTED for $SLACK_DISTINCT distinct notifications"
echo "   statuses: $STATUSES \`messages\` changes applied, $DELIVERIES sends with a delivery; $CHANGES changes stored in all, $RETRIED of them tried more than once"
echo "   deliveries: $STATUS_WRONG of the $STATUS_SENDS sends named by $STATUS_CHANGES statuses disagree with them" \
  "(delivered, read: earliest; priced: latest); $REDONE changes redone alone after their batch failed"
# The jar's log: ERROR and WARN lines, the commonest first (timestamps, thread names and ids blurred).
ERRORS=$(grep -cE '\b(ERROR|WARN)\b' "$WARDEN_LOG" || true)
echo "   jar log: $ERRORS ERROR/WARN lines$( [ "$ERRORS" -gt 0 ] && echo ', commonest:')"
grep -E '\b(ERROR|WARN)\b' "$WARDEN_LOG" | sed -E 's/^[0-9:. -]+//; s/\[[^]]*\]//; s/[0-9a-f]{8}-[0-9a-f-]{27}/<uuid>/g; s/[0-9]{4,}/<n>/g' \
  | cut -c1-200 | sort | uniq -c | sort -rn | head -5 | sed 's/^/     /' || true

echo "   top statements by total time over the load and the drain (calls | total | mean | rows | query):"
"${SQL[@]}" -F ' | ' -c "SELECT calls, round(total_exec_time)::text || ' ms', round(mean_exec_time::numeric, 3)::text || ' ms',
    rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'warden')
    AND query NOT LIKE '%/* bench */%' AND query NOT LIKE '%pg_stat_statements%'
  ORDER BY total_exec_time DESC LIMIT 8" | sed 's/^/     /'

stop_warden
phase "ceiling: pgbench, single-row INSERT of a 1.5 KB mix body, $CEILING_CLIENTS clients, ${CEILING_SECONDS}s (the jar stopped)"
insert_ceiling "$CEILING_CLIENTS" "$CEILING_SECONDS" $WABA
CEILING=${CEILING:-0}

# ---------------------------------------------------------------- summary: first against last window of the load
WINDOW=$(( DURATION / 2 < 300 ? DURATION / 2 : 300 ))
summary() {  # summary <column> <label> [unit]
  awk -F, -v c="$1" -v d="$DURATION" -v w="$WINDOW" -v label="$2" '
    /^#/ || $c == "" || $c == "NaN" { next }
    $1 <= d { if ($1 <= w) { f += $c; nf++ } if ($1 > d - w) { l += $c; nl++ } if ($c > max) max = $c }
    END { printf "| %s | %s | %s | %s | %s |\n", label, nf ? sprintf("%.1f", f / nf) : "—", nl ? sprintf("%.1f", l / nl) : "—",
      (nf && nl && f > 0) ? sprintf("%+.0f %%", 100 * (l / nl - f / nf) / (f / nf)) : "—", max + 0 }' "$SAMPLES"
}
ACHIEVED=$(awk -v r="$(field rate "$RESULT")" -v c="$(field changes "$RESULT")" -v n="$(field requests "$RESULT")" \
  'BEGIN { printf "%.0f", (n > 0 ? r * c / n : 0) }')

# ---------------------------------------------------------------- plots
if ! command -v gnuplot >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "== installing gnuplot-nox for the plots"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null 2>&1; } || true
fi
if command -v gnuplot >/dev/null; then
  gnuplot <<PLOT
set terminal svg size 960,420 dynamic font 'sans,11'
set datafile separator ','
set key below
set grid
set xlabel 'minutes'
set arrow from $DURATION / 60.0, graph 0 to $DURATION / 60.0, graph 1 nohead dt 2
set label 'load ends' at $DURATION / 60.0, graph 0.95 right offset -0.5,0
set output '$OUT/soak-memory.svg'
set title 'Warden soak, $MINUTES min at $RATE changes/s: memory'
set ylabel 'MB'
set yrange [0:*]
plot '$SAMPLES' using (\$1/60):2 with lines lw 2 title 'heap used after GC', '' using (\$1/60):3 with lines lw 2 title 'RSS of the jar'
set output '$OUT/soak-latency.svg'
set title 'Warden soak, $MINUTES min at $RATE changes/s: webhook acknowledgement (10 s intervals)'
set ylabel 'ms'
set y2label 'per second'
set y2tics
set y2range [0:*]
plot '$SAMPLES' using (\$1/60):9 with lines lw 2 title 'p50', '' using (\$1/60):10 with lines lw 2 title 'p99', \
  '' using (\$1/60):11 axes x1y2 with lines lt 3 lw 1 title 'POST/s acknowledged (right)', \
  '' using (\$1/60):14 axes x1y2 with lines lt 4 lw 1 title 'changes/s processed (right)'
set output '$OUT/soak-backlog.svg'
set title 'Warden soak, $MINUTES min at $RATE changes/s: backlog'
set ylabel 'age, s'
set y2label 'pending'
plot '$SAMPLES' using (\$1/60):4 with lines lw 2 title 'inbox age', '' using (\$1/60):5 with lines lw 2 title 'outbox age (alert notices)', \
  '' using (\$1/60):6 axes x1y2 with lines lw 1 title 'changes pending (right)', '' using (\$1/60):7 axes x1y2 with lines lw 1 title 'alert notices waiting (right)'
PLOT
  PLOTS="$OUT/soak-memory.svg, soak-latency.svg, soak-backlog.svg"
else
  PLOTS="none (gnuplot missing: apt-get install gnuplot-nox)"
fi
cp "$GC_LOG" "$OUT/gc.log"
cp "$WARDEN_LOG" "$OUT/warden.log"

echo
echo "== result: $MINUTES min, offered $RATE changes/s (achieved $ACHIEVED/s sent), campaign $SENDS_PER_SECOND sends/s, alerts to Slack"
echo "| measure | first $((WINDOW / 60)) min | last $((WINDOW / 60)) min | change | max |"
echo "|---|---|---|---|---|"
summary 2 "heap used after GC (MB)"
summary 3 "RSS of the jar (MB)"
summary 9 "webhook ack p50 (ms)"
summary 10 "webhook ack p99 (ms)"
summary 11 "acknowledged POST/s"
summary 4 "inbox age (s)"
summary 5 "outbox age, alert notices (s)"
summary 6 "changes pending"
summary 14 "changes processed/s"
echo "whole run: $RESULT"
echo "ceiling (same run, same server): pgbench single-row insert of a 1.5 KB body, $CEILING_CLIENTS clients: $CEILING tps;" \
  "achieved $ACHIEVED changes/s = $(ratio "$ACHIEVED" "$CEILING") of it"
echo "CPU during the load: $CPU_LINE"
echo "drained ${DRAINED:-NOT within ${DRAIN_SECONDS}s}${DRAINED:+ s after the load}; jar log: $ERRORS ERROR/WARN lines"
echo "samples: $SAMPLES; plots: $PLOTS; GC log and jar log beside them"
echo "== correctness: $VERDICT (wall time ${SECONDS}s)"
[ "$VERDICT" = PASS ]
