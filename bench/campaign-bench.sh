#!/usr/bin/env bash
# Campaign send benchmark (issue 11 §8): campaign sends per second from the jar's own notification workers
# to a local stand-in for Meta's Cloud API (bench/GraphStandIn.java: POST /{phone_number_id}/messages answered
# with Meta's success body at once), against a real PostgreSQL 15 server (Debian's `postgresql` package) that
# this script starts and deletes itself. Loopback only.
#
#   flock /tmp/warden-mvn.lock bench/campaign-bench.sh [recipients, default 20000] [recipients at the default rate, default 600]
#   BENCH_SENDS_PER_SECOND=100000   WARDEN_CAMPAIGN_SENDS_PER_SECOND of the measured runs (high: not the limit)
#   BENCH_WARMUP=5000               recipients of an unmeasured first campaign (JIT, pools, connections warm)
#   BENCH_PROFILE=1                 also a JFR of the jar during each measured run, summarised
#   BENCH_JAR=path                  that jar instead of bootstrap/target/warden.jar (a baseline)
#
# The real path, through the API and signed webhooks: an organisation, its WABA, one MARKETING template made
# APPROVED with its body text by Meta's webhooks (status, then components), campaigns on it, recipients added
# with POST /api/v1/campaigns/{id}/recipients in calls of 1,000 (the most one call takes), sender META from a
# number the stand-in lists for the WABA. Runs, each its own campaign and sending number:
#   (1) running: the campaign started first, its recipients added while it sends (an operator uploading a list
#       to a running campaign); measured from the first recipients call to the last send recorded;
#   (2) drain: the recipients added to a DRAFT, then the campaign started; measured from the start to the last
#       send recorded (the send rate alone);
#   (3) the default rate (WARDEN_CAMPAIGN_SENDS_PER_SECOND unset: 20 a second), the jar restarted: as (1), with
#       the largest number of first tries in any one second, to show the rate is honoured.
# Ceiling, same run: the stand-in alone, posted to by an HTTP client built as Warden's Graph client, from as many
# threads as the jar has provider calls in flight (WARDEN_NOTIFY_WORKERS_CONCURRENCY, default 32).
# Checks (exit 1 on FAIL): every send SENT, each recipient accepted by the stand-in once, the progress on the
# campaign saying so.
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin, psql, curl, openssl, a JDK 17+
# (jcmd and jfr for BENCH_PROFILE). Builds the jar when it is missing (BENCH_BUILD=always: every time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
SLOW_N=${2:-600}
FAST_RATE=${BENCH_SENDS_PER_SECOND:-100000}
WARMUP=${BENCH_WARMUP:-5000}
CONCURRENCY=${WARDEN_NOTIFY_WORKERS_CONCURRENCY:-32}
BENCH_NAME=campaign
source bench/lib.sh

GRAPH_PID=
trap '[ -n "$GRAPH_PID" ] && kill "$GRAPH_PID" 2>/dev/null; cleanup' EXIT
start_postgres
PORT=$(free_port "${BENCH_PORT:-18380}")
GRAPH_PORT=$(free_port $((PORT + 100)))
BASE="http://localhost:$PORT"
GRAPH="http://127.0.0.1:$GRAPH_PORT"
SECRET=bench-app-secret
WABA=190000000000001
java -Xmx256m bench/GraphStandIn.java "$GRAPH_PORT" 0 >"$WORK/graph.log" 2>&1 &
GRAPH_PID=$!
for _ in $(seq 1 120); do grep -q "graph stand-in on" "$WORK/graph.log" && break; sleep 0.25; done
# The numbers GraphStandIn lists for every WABA: one per campaign, so that each campaign's sends are counted apart.
NUMBERS=(106540352242922 106540352242923 106540352242924)
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 MICRONAUT_SERVER_PORT=$PORT \
       WARDEN_META_APP_SECRET=$SECRET WARDEN_META_VERIFY_TOKEN=bench-verify-token \
       WARDEN_META_GRAPH_URL="$GRAPH/v24.0" WARDEN_META_ACCESS_TOKEN=bench-graph-token \
       WARDEN_RECONCILE_ENABLED=false WARDEN_QUALITY_SNAPSHOT_ENABLED=false
phase() { echo "== [${SECONDS}s] $*"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else print "—" }'; }

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== jar: $WARDEN_JAR ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ', uncommitted changes')); load before: $(uptime | sed 's/.*load/load/')"
WARDEN_CAMPAIGN_SENDS_PER_SECOND=$FAST_RATE start_warden true
TOKEN=$(login bench bench-password-1)
ORG=$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WABA\",\"name\":\"Bench\"}" >/dev/null
META_TEMPLATE=4000000000000001
TEMPLATE=$(offer_template "$SECRET" "$WABA" "$META_TEMPLATE" $(($(date +%s) - 3600))) || exit 1
echo "   organisation $ORG, WABA $WABA, template $TEMPLATE (APPROVED, body known)"

api() {  # api <method> <path> [body]: the answer's body; fails on an HTTP error
  curl -sf -X "$1" "$BASE/api/v1$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    ${3:+--data-binary "$3"}
}
create_campaign() {  # create_campaign <name>: its id
  json id "$(api POST "/campaigns?organizationId=$ORG" "{\"name\":\"$1\",\"templateId\":\"$TEMPLATE\"}")"
}
progress() { api GET "/campaigns/$1?organizationId=$ORG" | grep -o '"progress":{[^}]*}'; }
# Every 2 s: the progress counts every send of the campaign (0.1-0.2 s of PostgreSQL at 20,000 sends), and the
# rates come from the attempts' times, not from this.
wait_drained() {  # wait_drained <campaign> <count>: until every send is settled (at most 20 minutes)
  local p
  for _ in $(seq 1 600); do
    p=$(progress "$1")
    [ $(( $(json sent "$p") + $(json failed "$p") + $(json skipped "$p") )) -ge "$2" ] && return 0
    sleep 2
  done
  echo "   not drained: $p"; return 1
}
standin_count() { curl -sf "$GRAPH/bench/messages/$1"; }  # served=… distinct=…

ROWS=()
VERDICT=PASS
# measure <label> <campaign> <number> <count> <t0>: after the campaign drained
measure() {
  local label=$1 campaign=$2 number=$3 count=$4 t0=$5 t1=$6
  local sent failed other tries first_try_to_last rate max_second
  read -r sent failed other tries first_try_to_last rate max_second <<<"$("${SQL[@]}" -F ' ' -c "
    WITH sends AS (SELECT id, status FROM notifications WHERE organization_id = '$ORG' AND campaign_id = '$campaign'),
         tries AS (SELECT a.at, a.result FROM notification_attempts a JOIN sends s ON a.notification_id = s.id
                   WHERE a.organization_id = '$ORG')
    SELECT (SELECT count(*) FROM sends WHERE status = 'SENT'), (SELECT count(*) FROM sends WHERE status IN ('FAILED', 'DEAD')),
           (SELECT count(*) FROM sends WHERE status NOT IN ('SENT', 'FAILED', 'DEAD')), (SELECT count(*) FROM tries),
           (SELECT round(extract(epoch FROM max(at) - min(at))::numeric, 2) FROM tries),
           (SELECT round((SELECT count(*) FROM sends WHERE status = 'SENT') / greatest(extract(epoch FROM max(at) - min(at)), 0.001)) FROM tries),
           (SELECT max(c) FROM (SELECT count(*) c FROM tries GROUP BY date_trunc('second', at)) per_second)")"
  local wall; wall=$(elapsed "$t0" "$t1")
  local wall_rate; wall_rate=$(awk -v n="$sent" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
  local standin served distinct
  standin=$(standin_count "$number"); served=$(sed -E 's/served=([0-9]+).*/\1/' <<<"$standin")
  distinct=$(sed -E 's/.*distinct=([0-9]+).*/\1/' <<<"$standin")
  echo "   sent=$sent failed=$failed other=$other tries=$tries; stand-in: $standin"
  echo "   ${wall}s from $7 to the last send recorded: ${wall_rate}/s; first try to last record ${first_try_to_last}s: ${rate}/s;" \
    "most tries in one second: $max_second"
  echo "   progress: $(progress "$campaign")"
  [ "$sent" = "$count" ] && [ "$served" = "$count" ] && [ "$distinct" = "$count" ] || VERDICT=FAIL
  LAST_RATE=$wall_rate
  ROWS+=("| $label | $count | $wall s | **$wall_rate** | $rate | $max_second | $served / $distinct |")
}
# The moment the last send of a campaign was recorded, as epoch seconds (the drain's end).
last_record() {
  "${SQL[@]}" -c "SELECT extract(epoch FROM max(a.at)) FROM notification_attempts a JOIN notifications n
    ON n.organization_id = a.organization_id AND n.id = a.notification_id WHERE n.campaign_id = '$1'"
}
profile_start() { [ -z "${BENCH_PROFILE:-}" ] || jcmd "$WARDEN_PID" JFR.start name=run settings=profile >/dev/null; }
profile_end() {
  [ -z "${BENCH_PROFILE:-}" ] && return 0
  jcmd "$WARDEN_PID" JFR.dump name=run filename="$WORK/run.jfr" >/dev/null && jcmd "$WARDEN_PID" JFR.stop name=run >/dev/null
  echo "   profile of the jar (JFR execution samples):"; summarise_jfr "$WORK/run.jfr"; rm -f "$WORK/run.jfr"
}
statements() {
  echo "   top statements by total time (calls | total | mean | rows | query):"
  "${SQL[@]}" -F ' | ' -c "SELECT calls, round(total_exec_time)::text || ' ms', round(mean_exec_time::numeric, 3)::text || ' ms',
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'warden')
      AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%notification_attempts a JOIN%'
    ORDER BY total_exec_time DESC LIMIT 10" | sed 's/^/     /'
}
cpu() {  # cpu <jvm0> <pg0> <t0>
  awk -v j=$(($(jvm_ticks) - $1)) -v p=$(($(pg_ticks) - $2)) -v s="$(elapsed "$3" "$(now)")" -v hz="$(getconf CLK_TCK)" \
    -v n="$(nproc)" 'BEGIN { t = j + p; if (t == 0) t = 1;
    printf "   CPU: JVM %.0f %% : PostgreSQL %.0f %% of what they used; %.0f %% of %d cores busy with both (%.1f s)\n",
    100 * j / t, 100 * p / t, 100 * (j + p) / hz / s / n, n, s }'
}

# (1) and the warm-up: a RUNNING campaign whose recipients arrive while it sends.
running_run() {  # running_run <label> <number> <count> [measured]
  local campaign t0 adds jvm0 pg0
  campaign=$(create_campaign "$1")
  api POST "/campaigns/$campaign/start?organizationId=$ORG" >/dev/null
  "${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  [ -n "${4:-}" ] && profile_start
  t0=$(now); jvm0=$(jvm_ticks); pg0=$(pg_ticks)
  adds=$(add_recipients "$campaign" "$2" "$3")
  echo "   $3 recipients added to the RUNNING campaign in ${adds}s ($(awk -v n="$3" -v s="$adds" 'BEGIN { printf "%.0f", n / s }')/s)"
  wait_drained "$campaign" "$3"
  [ -n "${4:-}" ] || { echo "   drained (not measured)"; return 0; }
  cpu "$jvm0" "$pg0" "$t0"
  profile_end
  statements
  measure "$1" "$campaign" "$2" "$3" "$t0" "$(last_record "$campaign")" "the first recipients call"
}

phase "warm-up: $WARMUP recipients into a RUNNING campaign (not measured), WARDEN_CAMPAIGN_SENDS_PER_SECOND=$FAST_RATE"
running_run warm-up "${NUMBERS[0]}" "$WARMUP"
"${SQL[@]}" -c "VACUUM ANALYZE" 2>/dev/null

phase "(1) running: $N recipients added to a RUNNING campaign in calls of 1,000 while it sends"
running_run "(1) running, recipients added while it sends" "${NUMBERS[1]}" "$N" measured
RUNNING_RATE=$LAST_RATE
"${SQL[@]}" -c "VACUUM ANALYZE" 2>/dev/null

phase "(2) drain: $N recipients added to a DRAFT campaign, then started"
DRAIN=$(create_campaign "(2) drain")
ADDS=$(add_recipients "$DRAIN" "${NUMBERS[2]}" "$N")
echo "   $N recipients added to the DRAFT in ${ADDS}s ($(awk -v n="$N" -v s="$ADDS" 'BEGIN { printf "%.0f", n / s }')/s)"
"${SQL[@]}" -c "VACUUM ANALYZE" -c "CHECKPOINT" -c "SELECT pg_stat_statements_reset()" >/dev/null 2>&1
profile_start
T0=$(now); JVM0=$(jvm_ticks); PG0=$(pg_ticks)
api POST "/campaigns/$DRAIN/start?organizationId=$ORG" >/dev/null
wait_drained "$DRAIN" "$N"
cpu "$JVM0" "$PG0" "$T0"
profile_end
statements
measure "(2) drain, started with its recipients" "$DRAIN" "${NUMBERS[2]}" "$N" "$T0" "$(last_record "$DRAIN")" "the start"
DRAIN_RATE=$LAST_RATE

phase "ceiling: the stand-in alone, $N template messages from $CONCURRENCY threads (after $WARMUP unmeasured)"
CEILING=$(java bench/GraphStandIn.java ceiling "$GRAPH/v24.0/199999999999999/messages" "$CONCURRENCY" "$N" "$WARMUP" \
  | sed -n 's/^ceiling\/s=//p')
echo "   ${CEILING}/s"

phase "(3) the default rate: the jar restarted without WARDEN_CAMPAIGN_SENDS_PER_SECOND; $SLOW_N recipients into a RUNNING campaign"
stop_warden
start_warden true
TOKEN=$(login bench bench-password-1)
SLOW=$(create_campaign "(3) default rate")
api POST "/campaigns/$SLOW/start?organizationId=$ORG" >/dev/null
T0=$(now)
# (1)'s number, recipients (1) did not have: the stand-in's counts of that number grow by exactly these.
ADDS=$(add_recipients "$SLOW" "${NUMBERS[1]}" "$SLOW_N" 50000000)
echo "   $SLOW_N recipients added in ${ADDS}s"
wait_drained "$SLOW" "$SLOW_N"
# The stand-in counts (1)'s number too: subtract what (1) sent through it.
read -r SERVED DISTINCT <<<"$(standin_count "${NUMBERS[1]}" | sed -E 's/served=([0-9]+) distinct=([0-9]+)/\1 \2/')"
SLOW_ROW=$("${SQL[@]}" -F ' ' -c "
  WITH sends AS (SELECT id, status FROM notifications WHERE organization_id = '$ORG' AND campaign_id = '$SLOW'),
       tries AS (SELECT a.at FROM notification_attempts a JOIN sends s ON a.notification_id = s.id WHERE a.organization_id = '$ORG')
  SELECT (SELECT count(*) FROM sends WHERE status = 'SENT'),
         round(extract(epoch FROM max(at) - min(at))::numeric, 2),
         round(((SELECT count(*) FROM sends WHERE status = 'SENT') - 1) / greatest(extract(epoch FROM max(at) - min(at)), 0.001), 1),
         (SELECT max(c) FROM (SELECT count(*) c FROM tries GROUP BY date_trunc('second', at)) per_second)
  FROM tries")
read -r SLOW_SENT SLOW_SECONDS SLOW_RATE SLOW_MAX <<<"$SLOW_ROW"
echo "   sent=$SLOW_SENT in ${SLOW_SECONDS}s from the first try to the last: ${SLOW_RATE}/s; most tries in one second: $SLOW_MAX"
echo "   stand-in, that number since (1): accepted $((SERVED - N)), for $((DISTINCT - N)) new distinct recipients"
[ "$SLOW_SENT" = "$SLOW_N" ] && [ $((SERVED - N)) = "$SLOW_N" ] && [ $((DISTINCT - N)) = "$SLOW_N" ] || VERDICT=FAIL
echo "== load after: $(uptime | sed 's/.*load/load/')"

echo
echo "| run | recipients | time | sends/s | sends/s, first try to last | most tries in one second | stand-in: accepted / distinct recipients |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo "| (3) default rate (20/s) | $SLOW_N | ${SLOW_SECONDS} s | ${SLOW_RATE} | — | $SLOW_MAX | $((SERVED - N)) / $((DISTINCT - N)) new |"
echo "stand-in ceiling, $CONCURRENCY threads: ${CEILING}/s; (1) / ceiling = $(ratio "$RUNNING_RATE" "$CEILING"), (2) / ceiling = $(ratio "$DRAIN_RATE" "$CEILING")"
echo "== correctness: $VERDICT (every send SENT, each recipient accepted by the stand-in once)"
[ "$VERDICT" = PASS ]
