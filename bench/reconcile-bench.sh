#!/usr/bin/env bash
# Reconciliation benchmark (issue 9 item 5): one WABA of 6,000 templates at a stand-in Graph API
# (bench/GraphStandIn.java, the JDK HTTP server, pages of 100 as Meta sends them), reconciled by the jar
# in a small heap against a real PostgreSQL 15 server (Debian's `postgresql` package) that this script
# starts and deletes itself.
#
#   flock /tmp/warden-mvn.lock bench/reconcile-bench.sh [templates, default 6000] [heap, default 128m]
#
# Runs, each a POST /api/v1/whatsapp-accounts/{wabaId}/sync watched until it ends:
#   (1) import: every template is new to Warden   (2) nothing changed   (3) drift: every 20th template
#   PAUSED and YELLOW at Meta (a missed pause and a missed quality change each)
# Ceiling, same run: walking Meta's list alone (curl following paging.next), what a sync cannot beat.
# Memory: the jar runs with -Xms = -Xmx = heap and logs every GC; the heap used after each GC during the
# runs shows what the sync holds (the page at hand and the Meta ids seen, ADR 0010).
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin, psql, curl, a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
TEMPLATES=${1:-6000}
HEAP=${2:-128m}
BENCH_NAME=reconcile
source bench/lib.sh

GRAPH_PID=
trap '[ -n "$GRAPH_PID" ] && kill "$GRAPH_PID" 2>/dev/null; cleanup' EXIT
start_postgres
PORT=$(free_port "${BENCH_PORT:-18280}")
GRAPH_PORT=$(free_port $((PORT + 100)))
BASE="http://localhost:$PORT"
GRAPH="http://127.0.0.1:$GRAPH_PORT"
java -Xmx64m bench/GraphStandIn.java "$GRAPH_PORT" "$TEMPLATES" >"$WORK/graph.log" 2>&1 &
GRAPH_PID=$!
for _ in $(seq 1 120); do grep -q "graph stand-in on" "$WORK/graph.log" && break; sleep 0.25; done
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 MICRONAUT_SERVER_PORT=$PORT \
       WARDEN_META_GRAPH_URL="$GRAPH/v24.0" WARDEN_META_ACCESS_TOKEN=bench-graph-token \
       WARDEN_RECONCILE_CALLS_PER_HOUR=100000 WARDEN_RECONCILE_INITIAL_DELAY=24h \
       WARDEN_QUALITY_SNAPSHOT_INITIAL_DELAY=24h
phase() { echo "== [${SECONDS}s] $*"; }
now_ms() { date +%s%3N; }
login() {
  curl -sf -X POST "$BASE/login" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
json() { sed -nE "s/.*\"$1\":\"?([^,\"}]*)\"?.*/\1/p" <<<"$2"; }  # json <field> <flat JSON>

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
start_warden false "-Xms$HEAP" "-Xmx$HEAP" "-Xlog:gc:file=$WORK/gc.log"
ROOT=$(login bench bench-password-1)
WABA=190000000000001
ORG=$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $ROOT" \
  -H 'Content-Type: application/json' -d '{"name":"Large WABA"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $ROOT" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WABA\",\"name\":\"Main\"}" >/dev/null

walk_list() {
  local url="$GRAPH/v24.0/$WABA/message_templates?limit=100" body; pages=0
  while [ -n "$url" ]; do
    body=$(curl -sf "$url"); pages=$((pages + 1))
    url=$(grep -o '"next":"[^"]*"' <<<"$body" | sed 's/"next":"//; s/"$//' || true)
  done
}
phase "ceiling: walking Meta's list of $TEMPLATES templates alone (curl, pages of 100; the second walk counts)"
walk_list
start=$(now_ms); walk_list; CEILING_MS=$(( $(now_ms) - start ))
echo "   $pages pages in $CEILING_MS ms"

RESULTS=()
sync_run() {  # sync_run <label>
  local gc_from; gc_from=$(wc -l <"$WORK/gc.log")
  local start; start=$(now_ms)
  local job; job=$(curl -sf -X POST "$BASE/api/v1/whatsapp-accounts/$WABA/sync" -H "Authorization: Bearer $ROOT")
  local id; id=$(json id "$job")
  while [ "$(json status "$job")" = RUNNING ]; do
    sleep 0.1
    job=$(curl -sf "$BASE/api/v1/sync-jobs/$id" -H "Authorization: Bearer $ROOT")
  done
  local ms=$(( $(now_ms) - start ))
  # "GC(7) Pause Young (Normal) (G1 Evacuation Pause) 60M->21M(128M) 3.1ms": the largest heap after a GC.
  local after; after=$(tail -n +"$((gc_from + 1))" "$WORK/gc.log" | sed -nE 's/.*Pause.* [0-9]+M->([0-9]+)M\(([0-9]+)M\).*/\1/p' \
    | sort -n | tail -1)
  local gcs; gcs=$(tail -n +"$((gc_from + 1))" "$WORK/gc.log" | grep -c 'Pause' || true)
  echo "   $(json status "$job") in $ms ms: pages=$(json pagesFetched "$job") seen=$(json templatesSeen "$job")" \
    "changes=$(json changesApplied "$job") errors=$(grep -o '"errors":\[[^]]*\]' <<<"$job"); GCs=$gcs, max heap after GC ${after:-?} MB"
  RESULTS+=("| $1 | $(json status "$job") | $(json pagesFetched "$job") | $(json changesApplied "$job") | $ms ms |"\
" $(awk -v n="$TEMPLATES" -v t="$ms" 'BEGIN { printf "%.0f", n * 1000 / t }') /s |"\
" $(awk -v c="$CEILING_MS" -v t="$ms" 'BEGIN { printf "%.2f", c / t }') | ${after:-none} MB ($gcs GCs) |")
}
phase "(1) import: $TEMPLATES templates new to Warden"
sync_run "(1) import"
phase "(2) nothing changed"
sync_run "(2) unchanged"
curl -sf "$GRAPH/bench/drift/20" >/dev/null
phase "(3) drift: every 20th template PAUSED and YELLOW at Meta"
sync_run "(3) drift"
"${SQL[@]}" -F ' ' -c "SELECT 'templates=' || count(*), 'paused=' || count(*) FILTER (WHERE status = 'PAUSED'),
  'yellow=' || count(*) FILTER (WHERE quality = 'YELLOW') FROM templates WHERE waba_id = '$WABA'"
echo
echo "Heap: -Xms$HEAP -Xmx$HEAP. Ceiling (list walk alone): $CEILING_MS ms for $pages pages."
echo "| run | status | pages | changes applied | time | templates/s | ratio to ceiling (list walk / sync) | max heap after GC |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${RESULTS[@]}"
