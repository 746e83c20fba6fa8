#!/usr/bin/env bash
# Campaign hold benchmark (issue 13): one template's open campaigns held by one signed PAUSED status webhook,
# and released by the APPROVED one after it, against a real PostgreSQL 15 server (Debian's `postgresql`
# package) that this script starts and deletes itself. Loopback only.
#
#   flock /tmp/warden-mvn.lock bench/hold-bench.sh [campaigns, default 10000] [finished campaigns, default 0]
#   BENCH_JAR=path   that jar instead of bootstrap/target/warden.jar (a baseline)
#   BENCH_PROFILE=1  also a JFR of the jar during the hold and during the release, summarised
#   BENCH_EXPLAIN=1  also the plans of statements over 300 ms (auto_explain, row counts without timing), printed
#
# Setup: an organisation and its WABA through the API, two templates made APPROVED by Meta's webhooks, one
# campaign on each created and started through the API; the measured template's campaign is then copied by
# SQL (every column as the app wrote it, a new id and name) until it has the given number of RUNNING
# campaigns, and as many COMPLETED ones on the same template as the second argument asks (an organisation's
# history: campaigns are never deleted); VACUUM ANALYZE. A warm-up PAUSED / APPROVED cycle on the other template (100 campaigns) first.
# Measured, each from the POST of the signed webhook, once the jar and PostgreSQL are idle again (settle):
#   hold:    PAUSED -> every campaign of the template PAUSED with a TEMPLATE_STATUS hold;
#   release: APPROVED -> every one RUNNING again with no hold (the organisation resumes by itself);
#   both again, with ANALYZE campaigns between the hold and the release (fresh statistics);
# watched from inside PostgreSQL by a function (bench_wait) polling every 5 ms: the change processed, then the
# template's campaigns counted in the new status. Also the statements' times from pg_stat_statements and every
# statement over 10 ms from PostgreSQL's log (log_min_duration_statement). Ceiling, same server, same rows: a
# bare UPDATE of the same campaigns' status (RUNNING -> PAUSED, and back), one statement each, after VACUUM.
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin, psql, curl, openssl, a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
CAMPAIGNS=${1:-10000}
FINISHED=${2:-0}
WARM_CAMPAIGNS=100
BENCH_NAME=hold
source bench/lib.sh

EXPLAIN=()
[ -n "${BENCH_EXPLAIN:-}" ] && EXPLAIN=(-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=300
  -c auto_explain.log_analyze=on -c auto_explain.log_timing=off -c auto_explain.log_nested_statements=on)
start_postgres -c log_min_duration_statement=10 "${EXPLAIN[@]}"
PORT=$(free_port "${BENCH_PORT:-18480}")
BASE="http://localhost:$PORT"
SECRET=bench-app-secret
WABA=190000000000001
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 MICRONAUT_SERVER_PORT=$PORT \
       WARDEN_META_APP_SECRET=$SECRET WARDEN_META_VERIFY_TOKEN=bench-verify-token \
       WARDEN_RECONCILE_ENABLED=false WARDEN_QUALITY_SNAPSHOT_ENABLED=false
phase() { echo "== [${SECONDS}s] $*"; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 1000 * (b - a) }'; }

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "== jar: $WARDEN_JAR ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ', uncommitted changes')); load before: $(uptime | sed 's/.*load/load/')"
start_warden true
ROOT=$(login bench bench-password-1)
ORG=$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $ROOT" \
  -H 'Content-Type: application/json' -d '{"name":"Bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $ROOT" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WABA\",\"name\":\"Bench\"}" >/dev/null
# Meta's times: from an hour ago, two seconds more per change, so each change is newer than the one before;
# kept in a file, as the webhooks are sent from subshells too.
echo $(($(date +%s) - 3600)) >"$WORK/clock"
clock() { cat "$WORK/clock"; }
tick() { echo $(($(clock) + 2)) >"$WORK/clock"; }
template() {  # template <meta id> <name>: Warden's id once the webhooks are applied
  template_webhooks "$SECRET" "$WABA" "$1" "$2" MARKETING 'Hi {{1}}, your offer {{2}} is ready.' "$(clock)"; tick
  local id=
  for _ in $(seq 1 100); do
    id=$("${SQL[@]}" -c "SELECT id FROM templates WHERE meta_template_id = '$1' AND status = 'APPROVED' AND current_version = 1")
    [ -n "$id" ] && break; sleep 0.1
  done
  [ -n "$id" ] || { echo "template $2 did not arrive"; exit 1; }
  echo "$id"
}
status_webhook() {  # status_webhook <meta id> <name> <event>: the HTTP status
  local other=
  [ "$3" = PAUSED ] && other=',"other_info":{"title":"FIRST_PAUSE","description":"Paused for low quality"}'
  signed_webhook "$SECRET" "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"$WABA\",\"time\":$(clock),\"changes\":[{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"$3\",\"message_template_id\":$1,\"message_template_name\":\"$2\",\"message_template_language\":\"en_US\",\"reason\":\"NONE\",\"message_template_category\":\"MARKETING\"$other}}]}]}"
  tick
}
campaigns_of() {  # campaigns_of <template id> <count>: one created and started through the API, copied by SQL
  local id
  id=$(json id "$(curl -sf -X POST "$BASE/api/v1/campaigns?organizationId=$ORG" -H "Authorization: Bearer $ROOT" \
    -H 'Content-Type: application/json' -d "{\"name\":\"bench campaign\",\"templateId\":\"$1\"}")")
  curl -sf -X POST "$BASE/api/v1/campaigns/$id/start?organizationId=$ORG" -H "Authorization: Bearer $ROOT" >/dev/null
  "${SQL[@]}" -c "INSERT INTO campaigns (id, name, status, $(campaign_columns))
    SELECT gen_random_uuid(), name || ' ' || i, status, $(campaign_columns) FROM campaigns, generate_series(2, $2) i
    WHERE id = '$id'"
}
campaign_columns() {  # every column of campaigns but id, name and status
  "${SQL[@]}" -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
    WHERE table_name = 'campaigns' AND column_name NOT IN ('id', 'name', 'status')"
}
count_where() {  # count_where <template id> <condition on c>
  "${SQL[@]}" -c "/* bench */ SELECT count(*) FROM campaigns c WHERE c.organization_id = '$ORG' AND c.template_id = '$1' AND $2"
}
# What is watched: the campaigns' status, a cheap count. Status and holds change together (one row since V28),
# so they are seen together; the holds are counted after, untimed (holds_of).
STATES="status = 'PAUSED'"
RUNS="status = 'RUNNING'"
holds_of() {  # holds_of <template id>: the TEMPLATE_STATUS holds and all holds of its campaigns
  "${SQL[@]}" -F ' ' -c "/* bench */ SELECT count(*) FILTER (WHERE c.holds -> 'TEMPLATE_STATUS' IS NOT NULL),
    coalesce(sum((SELECT count(*) FROM jsonb_object_keys(c.holds))), 0) FROM campaigns c WHERE c.template_id = '$1'"
}
# Waits, inside PostgreSQL (one session, no client per poll), until the first webhook change after <after> is
# processed and the template's campaigns all meet the condition; polls every 5 ms, at most 60 s. Returns the
# moment it saw them (epoch seconds, the machine's one clock). Held campaigns commit with their change.
"${PSQL[@]}" -d warden -c "CREATE FUNCTION bench_wait(after bigint, template uuid, condition text, expected bigint)
  RETURNS double precision LANGUAGE plpgsql AS \$\$
  DECLARE seen bigint;
  BEGIN
    FOR i IN 1..12000 LOOP
      IF EXISTS (SELECT 1 FROM webhook_change_states WHERE change_id > after AND processed_at IS NOT NULL) THEN
        EXECUTE format('SELECT count(*) FROM campaigns c WHERE c.template_id = %L AND %s', template, condition) INTO seen;
        IF seen = expected THEN RETURN extract(epoch FROM clock_timestamp()); END IF;
      END IF;
      PERFORM pg_sleep(0.005);
    END LOOP;
    RAISE EXCEPTION 'not all % campaigns reached it within 60 s (%)', expected, seen;
  END \$\$"
last_change() { "${SQL[@]}" -c "/* bench */ SELECT coalesce(max(id), 0) FROM webhook_changes"; }
# webhook_until <meta id> <name> <event> <template id> <condition> <count>: the POST's start and the moment
# every campaign was seen in the state, as "t0 t1"
webhook_until() {
  local after t0 code
  after=$(last_change)
  "${SQL[@]}" -c "/* bench */ SELECT bench_wait($after, '$4', \$c\$$5\$c\$, $6)" >"$WORK/seen" 2>&1 &
  local waiter=$!
  sleep 0.3
  t0=$(now)
  code=$(status_webhook "$1" "$2" "$3")
  [ "$code" = 200 ] || { echo "webhook answered $code"; exit 1; }
  wait "$waiter" || { cat "$WORK/seen"; exit 1; }
  echo "$t0 $(cat "$WORK/seen") $after"
}

phase "setup: two templates by webhook; $CAMPAIGNS RUNNING campaigns (and $FINISHED COMPLETED) on one, $WARM_CAMPAIGNS on the other"
T_MEASURED=$(template 4000000000000001 bench_offer)
T_WARM=$(template 4000000000000002 bench_warm)
campaigns_of "$T_MEASURED" "$CAMPAIGNS"
campaigns_of "$T_WARM" "$WARM_CAMPAIGNS"
if [ "$FINISHED" -gt 0 ]; then
  "${SQL[@]}" -c "INSERT INTO campaigns (id, name, $(campaign_columns), status)
    SELECT gen_random_uuid(), name || ' finished ' || i, $(campaign_columns), 'COMPLETED'
    FROM (SELECT * FROM campaigns WHERE template_id = '$T_MEASURED' LIMIT 1) c, generate_series(1, $FINISHED) i"
fi
"${SQL[@]}" -c "VACUUM ANALYZE"
echo "   running: $(count_where "$T_MEASURED" "status = 'RUNNING'") on the measured template," \
  "$(count_where "$T_WARM" "status = 'RUNNING'") on the other"

phase "warm-up: PAUSED then APPROVED for the template of $WARM_CAMPAIGNS campaigns (not measured)"
for event in PAUSED APPROVED PAUSED APPROVED; do
  condition=$([ "$event" = PAUSED ] && echo "$STATES" || echo "$RUNS")
  seen=$(webhook_until 4000000000000002 bench_warm "$event" "$T_WARM" "$condition" "$WARM_CAMPAIGNS")
  read -r t0 t1 _ <<<"$seen"
  echo "   $event: $(ms "$t0" "$t1") ms"
done
"${SQL[@]}" -c "VACUUM ANALYZE campaigns" -c "VACUUM ANALYZE campaign_hold_history" \
  -c "CHECKPOINT"

ROWS=()
# settle: until the jar and PostgreSQL used less than a tenth of a core over a second (at most 30 s), so each
# event starts on a quiet machine, as template events minutes apart do (a hold's live events are still being
# broadcast seconds after it, and the next statement shared the two cores with them)
settle() {
  local hz; hz=$(getconf CLK_TCK)
  for _ in $(seq 1 30); do
    local before=$(($(jvm_ticks) + $(pg_ticks))); sleep 1
    [ $(($(jvm_ticks) + $(pg_ticks) - before)) -lt $((hz / 10)) ] && return
  done
  echo "   (still busy after 30 s)"
}
# measure <label> <event> <condition>: one webhook for the measured template, until every campaign shows it
measure() {
  local before log_from t0 t1 change
  settle
  log_from=$(wc -l <"$WORK/pgdata/server.log")
  "${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  [ -z "${BENCH_PROFILE:-}" ] || jcmd "$WARDEN_PID" JFR.start name=hold settings=profile >/dev/null
  local seen
  seen=$(webhook_until 4000000000000001 bench_offer "$2" "$T_MEASURED" "$3" "$CAMPAIGNS")
  read -r t0 t1 before <<<"$seen"
  local wall; wall=$(ms "$t0" "$t1")
  change=$("${SQL[@]}" -F ' ' -c "/* bench */ SELECT state, round(1000 * extract(epoch FROM processed_at - received_at))
    FROM webhook_changes JOIN webhook_change_states ON change_id = id WHERE id > $before")
  echo "   POST to all $CAMPAIGNS seen: $wall ms (polled every 5 ms); the change: $change ms from receipt to processed"
  echo "   holds of the template's campaigns now (TEMPLATE_STATUS, all): $(holds_of "$T_MEASURED")"
  echo "   statements during it (pg_stat_statements: calls | total | mean | rows | query):"
  "${SQL[@]}" -F ' | ' -c "/* bench */ SELECT calls, round(total_exec_time::numeric, 1)::text || ' ms',
      round(mean_exec_time::numeric, 2)::text || ' ms', rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'warden')
      AND query NOT LIKE '%/* bench */%' AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%bench_wait%' AND query NOT LIKE '%pg_sleep%'
      AND query NOT LIKE '%webhook_change_states WHERE change_id > after%' AND query NOT LIKE 'SELECT count(*) FROM campaigns c WHERE c.template_id =%'
    ORDER BY total_exec_time DESC LIMIT 10" | sed 's/^/     /'
  local hold_ms lock_ms
  hold_ms=$("${SQL[@]}" -c "/* bench */ SELECT round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements
    WHERE query LIKE 'WITH p AS%' AND query LIKE '%UPDATE campaigns c SET%'")
  lock_ms=$("${SQL[@]}" -c "/* bench */ SELECT round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements
    WHERE query LIKE 'SELECT c.id FROM campaigns c%FOR NO KEY UPDATE%'")
  echo "   statements over 10 ms in PostgreSQL's log:"
  tail -n +"$((log_from + 1))" "$WORK/pgdata/server.log" | grep -o 'duration: .*' | cut -c1-170 | sed 's/^/     /' || true
  if [ -n "${BENCH_EXPLAIN:-}" ]; then
    echo "   plans of the statements over 300 ms (auto_explain, with their query text):"
    tail -n +"$((log_from + 1))" "$WORK/pgdata/server.log" | awk '/plan:/ { on = 1 } on && /^[0-9]{4}-/ && !/plan:/ { on = 0 }
      on { print }' | head -250 | cut -c1-200 | sed 's/^/     /'
  fi
  if [ -n "${BENCH_PROFILE:-}" ]; then
    jcmd "$WARDEN_PID" JFR.dump name=hold filename="$WORK/hold.jfr" >/dev/null && jcmd "$WARDEN_PID" JFR.stop name=hold >/dev/null
    echo "   profile of the jar from the POST to all seen (JFR execution samples):"; summarise_jfr "$WORK/hold.jfr"; rm -f "$WORK/hold.jfr"
  fi
  ROWS+=("| $1 | $CAMPAIGNS | **$wall ms** | ${change#* } ms | ${lock_ms:-?} ms | **${hold_ms:-?} ms** |")
}

phase "hold: one PAUSED webhook for the template of $CAMPAIGNS RUNNING campaigns"
measure "hold (PAUSED)" PAUSED "$STATES"
phase "release: one APPROVED webhook for it"
measure "release (APPROVED)" APPROVED "$RUNS"
# The release above runs seconds after 10,000 holds were written, before autovacuum analyzed the campaigns
# (as when Meta reinstates a template within a minute). Again with fresh statistics, as when the
# reinstatement comes later:
phase "hold again, then ANALYZE campaigns, then release"
measure "hold again (PAUSED)" PAUSED "$STATES"
"${SQL[@]}" -c "ANALYZE campaigns"
measure "release after ANALYZE campaigns (APPROVED)" APPROVED "$RUNS"

phase "ceiling: a bare UPDATE of the same $CAMPAIGNS campaigns' status, one statement (after VACUUM)"
"${SQL[@]}" -c "VACUUM ANALYZE campaigns" -c "CHECKPOINT" -c "SELECT pg_stat_statements_reset()" >/dev/null
CEILING=()
for to in PAUSED RUNNING; do
  from=$([ "$to" = PAUSED ] && echo RUNNING || echo PAUSED)
  took=$("${SQL[@]}" -c '\timing on' -c "UPDATE campaigns SET status = '$to', updated_at = now(), revision = revision + 1
    WHERE organization_id = '$ORG' AND template_id = '$T_MEASURED' AND status = '$from'" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p')
  server=$("${SQL[@]}" -c "/* bench */ SELECT round(total_exec_time::numeric, 1) FROM pg_stat_statements
    WHERE query LIKE 'UPDATE campaigns SET status = \$1%' AND query LIKE '%status = \$%' ORDER BY total_exec_time DESC LIMIT 1")
  "${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  echo "   $from -> $to: ${took} ms at psql, ${server:-?} ms in PostgreSQL"
  CEILING+=("| ceiling: bare \`UPDATE campaigns SET status = '$to'\` | $CAMPAIGNS | ${took} ms (psql) | — | — | ${server:-?} ms |")
done
echo "== load after: $(uptime | sed 's/.*load/load/')"

echo
echo "| what | campaigns | POST → all seen (wall) | change received → processed | lock statement (PostgreSQL) | hold / lift statement (PostgreSQL) |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}" "${CEILING[@]}"
