#!/usr/bin/env bash
# Webhook intake benchmark (issue 3): signed POSTs at concurrency 16 against the running jar on one
# PostgreSQL, next to two ceilings measured in the same run on the same machine: pgbench inserting
# single rows of the same body size, and a trivial Micronaut endpoint (the GET handshake, no database).
# Then the processing lag at a fixed rate of changes. Everything stays on loopback and stops by itself.
#
#   bench/webhook-bench.sh [seconds per run, default 20] [changes/s for the lag run, default 1000]
#
# Needs: JDK 17+, pgbench and psql (Debian: apt-get install postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_SECONDS=${1:-20}
LAG_RATE=${2:-1000}
CONCURRENCY=16
for tool in pgbench psql curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install postgresql-client curl)"; exit 1; }
done
[ -f bootstrap/target/warden.jar ] || ./mvnw -q -DskipTests package

WORK=$(mktemp -d)
PORT=${BENCH_PORT:-18080}
SECRET=bench-app-secret
TOKEN_VERIFY=bench-verify-token
WABA=190000000000001
export WARDEN_DATA_DIR="$WORK/postgres" WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 \
       WARDEN_META_APP_SECRET=$SECRET WARDEN_META_VERIFY_TOKEN=$TOKEN_VERIFY MICRONAUT_SERVER_PORT=$PORT
unset DATASOURCES_DEFAULT_URL
java -Xms512m -Xmx1g -jar bootstrap/target/warden.jar > "$WORK/warden.log" 2>&1 &
WARDEN_PID=$!
cleanup() { kill "$WARDEN_PID" 2>/dev/null; wait "$WARDEN_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 120); do grep -q "Warden is running" "$WORK/warden.log" && break; sleep 0.5; done
grep -q "Warden is running" "$WORK/warden.log" || { cat "$WORK/warden.log"; exit 1; }
PGPORT=$(grep -oP 'PostgreSQL on port \K[0-9]+' "$WORK/warden.log")
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d postgres -qtA)

TOKEN=$(curl -sf -X POST "localhost:$PORT/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
ORG=$(curl -sf -X POST "localhost:$PORT/api/v1/organizations" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"Bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "localhost:$PORT/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WABA\",\"name\":\"Bench\"}" >/dev/null

load() { java -Xmx512m bench/WebhookLoad.java "$@"; }
wait_for_empty_inbox() {
  for _ in $(seq 1 600); do
    LEFT=$("${PSQL[@]}" -c "SELECT count(*) FROM webhook_change_states WHERE state = 'PENDING'")
    TO_SPLIT=$("${PSQL[@]}" -c "SELECT count(*) FROM webhook_deliveries WHERE state = 'RECEIVED'")
    [ "$LEFT" = 0 ] && [ "$TO_SPLIT" = 0 ] && return; sleep 0.5
  done
}
echo "== warm-up (JIT): 15 s of signed POSTs, then the inbox drains"
load closed "http://localhost:$PORT/webhooks/meta" $SECRET $WABA $CONCURRENCY 15 1 >/dev/null
load get "http://localhost:$PORT/webhooks/meta?hub.mode=subscribe&hub.verify_token=$TOKEN_VERIFY&hub.challenge=1" $CONCURRENCY 3 >/dev/null
wait_for_empty_inbox

echo "== processing lag at $LAG_RATE changes/s (one change per POST), ${RUN_SECONDS}s"
FIRST=$("${PSQL[@]}" -c "SELECT coalesce(max(id), 0) FROM webhook_changes")
load rate "http://localhost:$PORT/webhooks/meta" $SECRET $WABA "$LAG_RATE" "$RUN_SECONDS" 1
wait_for_empty_inbox
"${PSQL[@]}" -F ' ' -c "SELECT 'processed=' || count(*),
  'lag_p50=' || round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY processed_at - received_at)))::text || 'ms',
  'lag_p99=' || round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY processed_at - received_at)))::text || 'ms'
  FROM webhook_changes JOIN webhook_change_states ON change_id = id WHERE id > $FIRST AND state = 'DONE'"
if [ -n "${BENCH_VERBOSE:-}" ]; then
  "${PSQL[@]}" -c "SELECT date_trunc('second', received_at) AS s, count(*),
    round(1000 * extract(epoch FROM max(processed_at - received_at))) AS max_lag_ms
    FROM webhook_changes JOIN webhook_change_states ON change_id = id WHERE id > $FIRST GROUP BY 1 ORDER BY 1"
fi

echo "== webhook intake: signed POSTs, concurrency $CONCURRENCY, ${RUN_SECONDS}s (acknowledged = 200)"
FIRST=$("${PSQL[@]}" -c "SELECT coalesce(max(id), 0) FROM webhook_changes")
load closed "http://localhost:$PORT/webhooks/meta" $SECRET $WABA $CONCURRENCY "$RUN_SECONDS" 1
wait_for_empty_inbox
"${PSQL[@]}" -F ' ' -c "SELECT 'processed=' || count(*), 'in=' ||
  round(extract(epoch FROM max(processed_at) - min(received_at)))::text || 's', 'rate=' ||
  round(count(*) / extract(epoch FROM max(processed_at) - min(received_at)))::text || '/s',
  'lag_p50=' || round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY processed_at - received_at)))::text || 'ms',
  'lag_p99=' || round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY processed_at - received_at)))::text || 'ms'
  FROM webhook_changes JOIN webhook_change_states ON change_id = id WHERE id > $FIRST AND state = 'DONE'"
wait_for_empty_inbox
# The ceilings come last: pgbench writes a million rows, and the checkpoint after them would slow
# whatever ran next on the same disk.
echo "== ceiling 1: trivial Micronaut endpoint (GET handshake), concurrency $CONCURRENCY, ${RUN_SECONDS}s"
load get "http://localhost:$PORT/webhooks/meta?hub.mode=subscribe&hub.verify_token=$TOKEN_VERIFY&hub.challenge=1" \
  $CONCURRENCY "$RUN_SECONDS"

echo "== ceiling 2: pgbench, single-row insert of a one-change webhook body, $CONCURRENCY clients, ${RUN_SECONDS}s"
BODY=$(printf '{"object":"whatsapp_business_account","entry":[{"id":"%s","time":1731925200,"changes":[{"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1000000000000000001,"message_template_name":"order_update","message_template_language":"en_US","reason":"NONE","message_template_category":"UTILITY"}}]}]}' $WABA)
echo "   body: ${#BODY} bytes"
"${PSQL[@]}" -c "CREATE TABLE IF NOT EXISTS bench_ceiling (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at timestamptz NOT NULL, body bytea NOT NULL, signature varchar(100), state varchar(20) NOT NULL)"
cat > "$WORK/insert.sql" <<SQL
INSERT INTO bench_ceiling (received_at, body, signature, state) VALUES (now(), convert_to('$BODY', 'UTF8'), 'sha256=0000000000000000000000000000000000000000000000000000000000000000', 'RECEIVED');
SQL
pgbench -n -h localhost -p "$PGPORT" -U postgres -c $CONCURRENCY -j 2 -T "$RUN_SECONDS" -f "$WORK/insert.sql" postgres \
  2>/dev/null | grep -E "^tps|latency average"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
