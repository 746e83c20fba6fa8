#!/usr/bin/env bash
# Realistic-mix benchmark (issue 7): known templates moving between states, against a real
# PostgreSQL 15 server (Debian's `postgresql` package) that this script starts and deletes itself.
#
#   bench/realistic-bench.sh [seconds per phase, default 20] [changes/s for the lag phase, default 1000]
#   BENCH_PROFILE=1 bench/realistic-bench.sh     # also a JFR of the jar during (c) and during (d), summarised
#
# Mix: one organisation, one WABA, 5,000 templates created first (signed APPROVED status webhooks),
# 10 % of them used by a RUNNING campaign (created and started through the REST API). Every measured
# POST is one signed message_template_status_update for a random template, event random among
# APPROVED / PAUSED / PENDING, ~1.5 KB (other_info.description of 1,100 characters); one POST in ten
# also carries a message_template_quality_update. See bench/WebhookLoad.java (Mix).
#
# With BENCH_SENDS=N, Meta's `messages` status webhooks are mixed in (issue 13): first N real sends, a campaign
# of N recipients on a template of its own sent through bench/GraphStandIn.java (Meta's Cloud API stand-in),
# then every measured POST is, with probability BENCH_STATUS_SHARE (default 0.75: three status POSTs per
# template POST, as ~3 statuses come per message sent), one `messages` webhook with one status (sent,
# delivered or read, at random) of one of those sends instead of a template change.
#
#   BENCH_CONCURRENCY=64 bench/realistic-bench.sh            # the closed-loop phases at 64 instead of 16
#   BENCH_SENDS=20000 bench/realistic-bench.sh               # with status webhooks mixed in
#   BENCH_MAX_POST_RATE=12000 bench/realistic-bench.sh       # bodies written per second of a closed-loop phase
#                                                             # (default 8,000; the run fails if wrk sends them all)
#   BENCH_WARM_UP_MAX=300 bench/realistic-bench.sh           # longest JIT warm-up of (b)'s and (c)'s jars, in seconds
#                                                             # (default 180; the run fails if the JIT has not settled)
#
# Phases, concurrency 16 (BENCH_CONCURRENCY), all on the same server in the same run:
#   (b) intake with the inbox workers off      (c) the drain of that backlog by the workers alone, on a warm jar
#   (d) intake while the workers process        (e) processing lag at a fixed rate of changes
#   (a) pgbench ceiling: single-row INSERT of a 1.5 KB body into a table shaped like webhook_deliveries
#   (a2) the HTTP path alone: a POST of the same size with a wrong signature, answered 401 (after (b), on its jar)
# The jar restarted for (c) first warms up (the JIT compiled the workers' path for tens of seconds, half the JVM's
# CPU, in a drain that started cold) on templates of a second WABA of the same organisation, while the backlog
# waits parked (due at 'infinity', its due times kept aside): it drains their backlog, stored on (b)'s jar after its
# measure, by the workers alone, then takes the mix until its JIT has settled (warm_up, as (b)'s jar does before (b));
# the backlog is then made due again in its order and drained, measured from then. With BENCH_PROFILE one JFR
# recording runs from the restart (starting one made the compiled code not entrant) and is cut to (c) and to (d).
# BENCH_JVM_OPTS adds JVM options to every start.
# (Parking by a lock held in a session of the script instead held back the vacuum horizon for the whole warm-up, and
# the drain then paid for the dead rows.)
# During (c) it also reports CPU ticks, the top statements and what the jar's database sessions were doing
# (running a statement, waiting for a lock, or waiting inside a transaction for the JVM; sampled every 100 ms);
# During (d) it reports the batches the workers took (changes per batch) and the CPU per change of the jar and
# PostgreSQL, intake and processing together (the listing of its statements: intake-statements.txt with BENCH_LOGS);
# then a correctness check (exit 1 on FAIL): no change PENDING or DEAD, every template's status is
# the event of its newest status change, and its alerts and campaign holds agree with that status
# (the governance rules: PAUSED has one open pause alert, APPROVED none; PAUSED and PENDING hold
# every started campaign for the template's status, APPROVED holds none and its campaigns run;
# quality YELLOW or RED has one unresolved quality alert, GREEN none). It also counts the changes
# redone alone after their batch failed (pg_stat_statements) and those that failed alone and were
# retried (webhook_change_states.attempts).
# Last, (f): (c)'s changes made due again and taken by pgbench (bench/drain-floor.pgbench) in the jar's batches on as
# many sessions as it runs workers, with the drain's main writes (claim, templates locked, history, templates
# updated, states done) done in SQL: what those writes alone cost the server, a ceiling for (c).
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin (Debian: apt-get install
# postgresql), psql, pgbench, curl, wrk (the closed-loop phases' load), a JDK 17+ (java, jcmd and jfr for
# BENCH_PROFILE).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing (Debian: apt-get install wrk)"; exit 1; }
# wrk runs two threads, each with half the connections.
[ $(( ${BENCH_CONCURRENCY:-16} % 2 )) = 0 ] && [ "${BENCH_CONCURRENCY:-16}" -ge 2 ] \
  || { echo "BENCH_CONCURRENCY must be even and at least 2"; exit 1; }
PHASE_SECONDS=${1:-20}
LAG_RATE=${2:-1000}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
TEMPLATES=${BENCH_TEMPLATES:-5000}
SENDS=${BENCH_SENDS:-0}
STATUS_SHARE=${BENCH_STATUS_SHARE:-0.75}
# (c) drains at most this many of the changes (b) stored (the first ones; the rest are deleted before
# the workers start), so that a slow drain does not take minutes: (b) stores ~3,000 changes a second.
DRAIN_CHANGES=${BENCH_DRAIN_CHANGES:-20000}
# The jar's inbox batch (ProcessWebhookChangeService.BATCH), for (f).
INBOX_BATCH=200
BENCH_NAME=realistic
source bench/lib.sh
GRAPH_PID=
trap '[ -n "$GRAPH_PID" ] && kill "$GRAPH_PID" 2>/dev/null; cleanup' EXIT

# ---------------------------------------------------------------- PostgreSQL 15, defaults kept
start_postgres -c log_autovacuum_min_duration=0

# ---------------------------------------------------------------- the jar
PORT=$(free_port "${BENCH_PORT:-18180}")
SECRET=bench-app-secret
WABA=190000000000001
WARM_WABA=190000000000002   # the templates (c)'s jar warms up on, untouched by the measured mix
WARM_TEMPLATES=$(( TEMPLATES / 5 ))
BASE="http://localhost:$PORT"
URL="$BASE/webhooks/meta"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 WARDEN_META_APP_SECRET=$SECRET \
       WARDEN_META_VERIFY_TOKEN=bench-verify-token MICRONAUT_SERVER_PORT=$PORT
# The 6-hourly quality snapshot (one statement over every template, 0.5-1.3 s) fell into the drain by the clock
# a minute after the jar's start; it is no part of the mix.
export WARDEN_QUALITY_SNAPSHOT_INITIAL_DELAY=24h
OFFER_META=4000000000000001   # the template of the sends whose statuses are mixed in; none of the 5,000
if [ "$SENDS" -gt 0 ]; then
  GRAPH_PORT=$(free_port $((PORT + 100)))
  java -Xmx256m bench/GraphStandIn.java "$GRAPH_PORT" 0 >"$WORK/graph.log" 2>&1 &
  GRAPH_PID=$!
  for _ in $(seq 1 120); do grep -q "graph stand-in on" "$WORK/graph.log" && break; sleep 0.25; done
  # Reconciling against a stand-in that lists no template would be no measure of the mix; the campaign's
  # sends go out at once.
  export WARDEN_META_GRAPH_URL="http://127.0.0.1:$GRAPH_PORT/v24.0" WARDEN_META_ACCESS_TOKEN=bench-graph-token \
         WARDEN_RECONCILE_ENABLED=false WARDEN_QUALITY_SNAPSHOT_ENABLED=false WARDEN_CAMPAIGN_SENDS_PER_SECOND=100000
fi
max_change_id() { "${SQL[@]}" -c "/* bench */ SELECT coalesce(max(id), 0) FROM webhook_changes"; }
# Cheap on purpose (EXISTS, twice a second): a count(*) of the pending changes every 250 ms cost
# PostgreSQL a third of a core during a large drain. Drain rates come from processed_at, not from here.
wait_for_empty_inbox() {  # [WABA: only that WABA's changes] waits at most 300 s
  for _ in $(seq 1 600); do
    [ "$("${SQL[@]}" -c "/* bench */ SELECT EXISTS (SELECT 1 FROM webhook_change_states WHERE state = 'PENDING'
        ${1:+AND waba_id = '$1'})
      OR EXISTS (SELECT 1 FROM webhook_deliveries WHERE state = 'RECEIVED')")" = f ] && return 0
    sleep 0.5
  done
  echo "   the inbox did not drain within 300 s"; return 1
}
phase() { echo "== [${SECONDS}s] $*"; }
# statements_by_time <query width>: the statements since pg_stat_statements was last reset, most total time first
# (calls | total | mean | rows | query), those tagged /* bench */ and pg_stat_statements' own left out.
statements_by_time() {
  "${SQL[@]}" -F ' | ' -c "SELECT calls, round(total_exec_time)::text || ' ms', round(mean_exec_time::numeric, 3)::text || ' ms',
    rows, left(regexp_replace(query, '\s+', ' ', 'g'), $1)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'warden')
    AND query NOT LIKE '%/* bench */%' AND query NOT LIKE '%pg_stat_statements%'
  ORDER BY total_exec_time DESC"
}
# The closed-loop phases send with wrk (bench/mix.lua) bodies of the mix that WebhookLoad wrote and signed beforehand,
# BENCH_MAX_POST_RATE (default 8,000) per second of the phase, one file per wrk thread. WebhookLoad's own closed loop
# (the JDK HttpClient, a body built and signed per POST) took most of a core of these two while it sent, more CPU
# per POST than the jar (docs/benchmarks.md, "The load generator"); wrk takes about a tenth of a core.
# mix_closed <WABA> <seconds> <templates> <state file> [sends file, share]: one line in WebhookLoad's format. With
# TIMELINE=<file> set for the call, wrk also writes there its answers per tenth of a second (bench/mix.lua; read by
# stalls).
mix_closed() {
  local out
  load mix-file $SECRET "$1" "$3" $(( ${BENCH_MAX_POST_RATE:-8000} * $2 )) 2 "$WORK/bodies" "$4" "${@:5}" \
    || { echo "WebhookLoad mix-file failed" >&2; return 1; }
  local began
  began=$(date +%s%N)
  out=$(wrk -t 2 -c "$CONCURRENCY" -d "${2}s" -s bench/mix.lua "$URL" -- "$WORK/bodies" ${TIMELINE:-} | tail -1)
  # The phase's first and last tenth of a second (wrk's duration from its start), so that stalls also sees a stall at
  # either end.
  [ -z "${TIMELINE:-}" ] || echo "$((began / 100000000)) $((began / 100000000 + 10 * $2))" > "$TIMELINE.span"
  rm -f "$WORK"/bodies.*
  [ -n "$(field ran_out "$out")" ] || { echo "wrk printed no result line" >&2; return 1; }
  [ "$(field ran_out "$out")" = 0 ] || { echo "wrk sent every body written: raise BENCH_MAX_POST_RATE ($out)" >&2; return 1; }
  echo "$out"
}
# stalls <timeline> <safepoint log>: when a closed-loop phase stalled, beside what PostgreSQL and the JVM logged. wrk's
# p99, corrected for the answers a steady sender would have waited for, is about the latency exceeded during 1 % of
# the phase (200 ms of 20 s), so stalls set it; this says when they came. A stall is a run of tenths of a second in
# which the jar answered less than a quarter of the phase's median tenth (the first and last tenth of the phase,
# partial, left out); the five longest are printed, in seconds from the phase's start. On the same scale: the
# checkpoints PostgreSQL logged from 30 s before the phase to its end (a checkpoint's sync phase flushes the data files
# on the disk the WAL is flushed to; "The tail is the disk's" in docs/benchmarks.md), the autovacuum runs that
# overlapped the phase (log_autovacuum_min_duration=0; an entry is logged when the run ends, so stalls is called at
# the end of the bench), and the JVM's safepoints (GC pauses among them) of 20 ms or more (-Xlog:safepoint of the
# jar's start).
stalls() {
  local first last
  [ -f "$2" ] || set -- "$1" /dev/null
  read -r first last < "$1.span"
  # Tenths counted from the first (since the epoch they are beyond the integers awk keeps exact as array keys).
  awk -v first="$first" -v last="$last" '
    { answers[$1 - first] = $2 }
    END {
      end = last - first; n = 0
      for (t = 1; t < end; t++) sorted[++n] = answers[t] + 0
      for (i = 2; i <= n; i++) { v = sorted[i]; for (j = i - 1; j >= 1 && sorted[j] > v; j--) sorted[j + 1] = sorted[j]; sorted[j + 1] = v }
      median = n > 0 ? sorted[int((n + 1) / 2)] : 0
      empty = 0; runs = 0
      for (t = 1; t < end; t++) {
        a = answers[t] + 0
        if (a == 0) empty++
        if (a >= median / 4) continue
        if (!((t - 1) in low)) { runs++; start[runs] = t; got[runs] = 0 }
        low[t] = 1; got[runs] += a; len[runs] = t - start[runs] + 1
      }
      printf "   stalls: a tenth of a second had %d answers (median); %d of %d tenths had none; the longest below a quarter of it:", median, empty, n
      if (runs == 0) printf " none"
      for (k = 1; k <= 5 && k <= runs; k++) {
        best = 0
        for (r = 1; r <= runs; r++) if (!(r in shown) && (best == 0 || len[r] > len[best])) best = r
        shown[best] = 1
        printf "%s %d ms from %.1f s (%d answers)", (k > 1 ? ";" : ""), 100 * len[best], start[best] / 10, got[best]
      }
      printf "\n"
    }' "$1"
  # PostgreSQL's log lines begin "2026-12-05 16:38:24.896 UTC" (start_postgres sets log_timezone); the JVM's
  # "[2026-12-05T16:38:24.896+0000]".
  TZ=UTC awk -v from="$(awk -v t="$first" 'BEGIN { printf "%.1f", t / 10 }')" \
    -v to="$(awk -v t="$last" 'BEGIN { printf "%.1f", t / 10 }')" '
    function at(date, time,   d, c) {
      split(date, d, "-"); split(time, c, ":")
      return mktime(d[1] " " d[2] " " d[3] " " c[1] " " c[2] " " int(c[3])) + (c[3] - int(c[3])) - from
    }
    /^[0-9-]+ [0-9:.]+ UTC .*checkpoint (starting|complete)/ {
      t = at($1, $2)
      if (t < -30 || t > to - from + 1) next
      detail = ""
      if ($0 ~ /sync=/) { sub(/.*write=/, "write="); sub(/, total=.*longest=/, ", longest="); sub(/, average.*/, ""); detail = ": " $0 }
      printf "   checkpoint %s at %.1f s%s\n", ($0 ~ /starting/ ? "starting" : "complete"), t, detail
    }
    /^[0-9-]+ [0-9:.]+ UTC .*automatic (aggressive )?vacuum( to prevent wraparound)? of table "warden\./ {
      vacuumed = at($1, $2); table = $0; sub(/.*"warden\.[a-z_]+\./, "", table); sub(/".*/, "", table)
    }
    /^\tsystem usage: .*elapsed: / && vacuumed != "" {
      elapsed = $0; sub(/.*elapsed: /, "", elapsed); sub(/ s.*/, "", elapsed)
      if (vacuumed >= 0 && vacuumed - elapsed <= to - from) printf "   vacuum of %s from %.1f s to %.1f s\n", table, vacuumed - elapsed, vacuumed
      vacuumed = ""
    }
    FILENAME != ARGV[1] && /Safepoint ".*Total: [0-9]+ ns/ {
      stamp = $1; gsub(/[\[\]]/, "", stamp); split(stamp, dt, "T"); sub(/\+.*/, "", dt[2])
      t = at(dt[1], dt[2]); total = $0; sub(/.*Total: /, "", total); sub(/ ns.*/, "", total); name = $0
      sub(/^[^"]*"/, "", name); sub(/".*/, "", name)
      if (t >= 0 && t <= to - from && total + 0 >= 2e7) printf "   safepoint %s at %.1f s: %.0f ms\n", name, t, total / 1e6
    }' "$WORK/pgdata/server.log" "$2"
}
# warm_up <WABA> <templates> <state file> [sends file, share]: the mix on the jar in rounds of 10 s until the JIT has
# settled: at least PHASE_SECONDS, then until a round in which the JIT compiler threads took at most 10 % of the JVM's
# CPU, at most BENCH_WARM_UP_MAX seconds (default 180, never less than the phase; the run fails if the JIT has not
# settled by then). A round's CPU is read from before its bodies are written (the jar idle, its compiler finishing
# what is queued) to the end of its 10 s, which errs towards a longer warm-up. The jar must run with
# -XX:-UseDynamicNumberOfCompilerThreads (jit_ticks). A fixed warm-up measured a cold jar on a slower machine: in its
# first 20 s there the jar answered about 8,400 POSTs, its compiler threads took a third of the JVM's CPU, and it used
# about four times the CPU per POST it used a minute later (docs/benchmarks.md, "A slower machine").
warm_up() {
  local seconds=0 share=100 most=$(( ${BENCH_WARM_UP_MAX:-180} > PHASE_SECONDS ? ${BENCH_WARM_UP_MAX:-180} : PHASE_SECONDS ))
  local jvm0 jit0 out
  while [ "$seconds" -lt "$PHASE_SECONDS" ] || [ "$share" -gt 10 ]; do
    if [ "$seconds" -ge "$most" ]; then
      echo "   warm-up: the JIT compiler threads still took $share % of the JVM's CPU after $seconds s" >&2; return 1
    fi
    kill -0 "$WARDEN_PID" 2>/dev/null || { echo "   warm-up: the jar is not running" >&2; return 1; }
    jvm0=$(jvm_ticks); jit0=$(jit_ticks)
    out=$(mix_closed "$1" 10 "$2" "$3" "${@:4}") || return 1
    [ "$(field ok "$out")" -gt 0 ] || { echo "   warm-up: no POST acknowledged ($out)" >&2; return 1; }
    share=$(( 100 * ($(jit_ticks) - jit0) / ($(jvm_ticks) - jvm0 + 1) ))
    seconds=$((seconds + 10))
  done
  echo "   warm-up: ${seconds}s of the mix ($(field rate "$out")/s in the last 10 s, the JIT compiler threads $share % of" \
    "the JVM's CPU in them)"
}
# What the jar's database sessions (role warden; not autovacuum, not this script's own queries) are doing, sampled
# every 100 ms through one psql session (one connection, not one per sample) until "$1.stop" exists, as state and
# wait event: "active -" runs a statement, "active Lock:…" waits for another transaction's lock (with the start of
# the waiting statement), "idle in transaction Client:ClientRead" waits inside a transaction for the JVM's next
# statement. Idle pooled connections are left out.
sample_sessions() {
  while [ ! -f "$1.stop" ]; do
    echo "/* bench */ SELECT state || ' ' || coalesce(wait_event_type || ':' || wait_event, '-')
        || CASE WHEN wait_event_type = 'Lock' THEN ' in: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 50) ELSE '' END
      FROM pg_stat_activity WHERE datname = 'warden' AND usename = 'warden' AND backend_type = 'client backend'
        AND state IN ('active', 'idle in transaction') AND pid <> pg_backend_pid();"
    sleep 0.1
  done | "${SQL[@]}" > "$1"
}
summarise_sessions() {  # summarise_sessions <file>: share of the samples by state and wait
  [ -s "$1" ] || { echo "     no samples"; return 0; }
  sort "$1" | uniq -c | sort -rn | awk '{ n[NR] = $1; $1 = ""; what[NR] = substr($0, 2); total += n[NR] }
    END { for (i = 1; i <= NR && i <= 8; i++) printf "     %5.1f %%  %s\n", 100 * n[i] / total, what[i] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else print "—" }'; }
# processed changes with id in (from, to]: count, rate over first receipt..last processing, and lag
drain_stats() {
  "${SQL[@]}" -F ' ' -c "/* bench */ SELECT count(*),
    round(count(*) / greatest(extract(epoch FROM max(processed_at) - min(received_at)), 0.001)),
    round(count(*) / greatest(extract(epoch FROM max(processed_at) - min(processed_at)), 0.001)),
    round(1000 * extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY processed_at - received_at))),
    round(1000 * extract(epoch FROM percentile_cont(0.99) WITHIN GROUP (ORDER BY processed_at - received_at)))
    FROM webhook_changes JOIN webhook_change_states ON change_id = id
    WHERE id > $1 AND id <= $2 AND processed_at IS NOT NULL"
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
start_warden true
bench_organisation "$WABA"
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"wabaId\":\"$WARM_WABA\",\"name\":\"Warm-up\"}" >/dev/null
STATE="$WORK/mix.state"
WARM_STATE="$WORK/warm.state"
# The measured templates: the 5,000 of the mix, not the one of the sends, nor the warm-up's.
MIX_TEMPLATES="organization_id = '$ORG' AND waba_id = '$WABA' AND meta_template_id <> '$OFFER_META'"
STATUS_ARGS=()
if [ "$SENDS" -gt 0 ]; then
  phase "setup: $SENDS sends of a campaign through the Graph stand-in, whose statuses the mix reports"
  OFFER=$(offer_template $SECRET $WABA $OFFER_META $(($(date +%s) - 8 * 86400))) || exit 1
  CAMPAIGN=$(curl -sf -X POST "$BASE/api/v1/campaigns?organizationId=$ORG" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"name\":\"bench sends\",\"templateId\":\"$OFFER\"}" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  add_recipients "$CAMPAIGN" 106540352242922 "$SENDS" >/dev/null || exit 1
  curl -sf -o /dev/null -X POST "$BASE/api/v1/campaigns/$CAMPAIGN/start?organizationId=$ORG" -H "Authorization: Bearer $TOKEN"
  for _ in $(seq 1 600); do
    [ "$("${SQL[@]}" -c "SELECT count(*) FROM notifications WHERE organization_id = '$ORG' AND campaign_id = '$CAMPAIGN'
      AND status = 'SENT' AND provider_message_id IS NOT NULL")" -ge "$SENDS" ] && break
    sleep 1
  done
  "${SQL[@]}" -F ' ' -c "SELECT provider_message_id, ltrim(recipient, '+') FROM notifications
    WHERE organization_id = '$ORG' AND campaign_id = '$CAMPAIGN' AND status = 'SENT'" > "$WORK/sends"
  [ "$(wc -l < "$WORK/sends")" -ge "$SENDS" ] || { echo "   only $(wc -l < "$WORK/sends") of $SENDS sends went out"; exit 1; }
  echo "   $(wc -l < "$WORK/sends") sends SENT with Meta's message ids"
  STATUS_ARGS=("$WORK/sends" "$STATUS_SHARE")
fi

phase "setup: $TEMPLATES templates (signed APPROVED status webhooks), $((TEMPLATES / 10)) of them in RUNNING campaigns"
load seed "$URL" $SECRET $WABA "$TEMPLATES" "$STATE"
wait_for_empty_inbox
"${SQL[@]}" -c "SELECT id FROM templates WHERE $MIX_TEMPLATES AND status = 'APPROVED'
  ORDER BY random() LIMIT $((TEMPLATES / 10))" > "$WORK/campaign-templates"
load campaigns "$BASE" "$TOKEN" "$ORG" "$WORK/campaign-templates"
load seed "$URL" $SECRET $WARM_WABA "$WARM_TEMPLATES" "$WARM_STATE"
wait_for_empty_inbox
"${SQL[@]}" -c "SELECT id FROM templates WHERE organization_id = '$ORG' AND waba_id = '$WARM_WABA'
  ORDER BY random() LIMIT $((WARM_TEMPLATES / 10))" > "$WORK/warm-campaign-templates"
load campaigns "$BASE" "$TOKEN" "$ORG" "$WORK/warm-campaign-templates" >/dev/null
"${SQL[@]}" -F ' ' -c "SELECT 'templates=' || (SELECT count(*) FROM templates WHERE $MIX_TEMPLATES),
  'running_campaigns=' || (SELECT count(*) FROM campaigns c JOIN templates t ON t.organization_id = c.organization_id
    AND t.id = c.template_id WHERE c.organization_id = '$ORG' AND t.waba_id = '$WABA' AND c.status = 'RUNNING')"

WARM=$(( PHASE_SECONDS < 10 ? PHASE_SECONDS : 10 ))
phase "warm-up (JIT, tables, campaigns held and released): ${WARM}s of the mix, then the inbox drains"
mix_closed $WABA "$WARM" "$TEMPLATES" "$STATE" "${STATUS_ARGS[@]}" >/dev/null
wait_for_empty_inbox
"${SQL[@]}" -c "VACUUM ANALYZE" 2>/dev/null

# The restarted jar warms up until its JIT compiler threads have settled (warm_up): after 10 s at wrk's pace it answered
# fewer POSTs than it did beside the workers in (d), minutes later, in two runs of four; on a slower machine its
# compiler threads still took a third of the JVM's CPU after 20 s, and the jar about four times the CPU per POST it
# used a minute later. (b)'s backlog for (c) counts the warm-up's changes: (c) drains the first of them.
phase "(b) intake, inbox workers off: the mix at concurrency $CONCURRENCY, ${PHASE_SECONDS}s (after a JIT warm-up)"
stop_warden
start_warden false -XX:-UseDynamicNumberOfCompilerThreads -Xlog:safepoint:file="$WORK/safepoints-b.log":utctime
FIRST=$(max_change_id)
FIRST_DELIVERY=$("${SQL[@]}" -c "/* bench */ SELECT coalesce(max(id), 0) FROM webhook_deliveries")
warm_up $WABA "$TEMPLATES" "$STATE" "${STATUS_ARGS[@]}" || exit 1
B=$(TIMELINE=$WORK/b-timeline mix_closed $WABA "$PHASE_SECONDS" "$TEMPLATES" "$STATE" "${STATUS_ARGS[@]}"); echo "   $B"
# The HTTP path alone on the same jar, a second ceiling: a mix body with a wrong signature (64 zeros), refused 401
# once the HMAC of its raw bytes is computed and compared, so nothing is parsed or stored; wrk, same connections.
phase "(a2) bare endpoint: a 1.5 KB POST with a wrong signature (401, nothing stored), ${PHASE_SECONDS}s"
cat > "$WORK/bare.lua" <<LUA
wrk.method = "POST"
wrk.body = [==[$(load sample-body $WABA)]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hub-Signature-256"] = "sha256=$(printf '%064d' 0)"
function done(summary, latency, requests)
  io.write(string.format("bare requests=%d refused=%d rate=%.0f/s p50=%.1fms p99=%.1fms\n", summary.requests,
    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
LUA
BARE=$(wrk -t 2 -c "$CONCURRENCY" -d "${PHASE_SECONDS}s" -s "$WORK/bare.lua" "$URL" | tail -1); echo "   $BARE"
LAST=$(max_change_id)
# The backlog (c)'s jar warms up on first, stored here while the workers are off: ${PHASE_SECONDS}s of the mix on the
# warm-up WABA's templates, so that the restarted jar runs the workers' path on full batches before the measure.
WARM_FIRST=$LAST
mix_closed $WARM_WABA "$PHASE_SECONDS" "$WARM_TEMPLATES" "$WARM_STATE" >/dev/null
WARM_LAST=$(max_change_id)
stop_warden
# At most BENCH_DRAIN_CHANGES of them, like (b)'s backlog: the inbox must drain within wait_for_empty_inbox's bound.
if [ $((WARM_LAST - WARM_FIRST)) -gt "$DRAIN_CHANGES" ]; then
  # A change's state first: no foreign key deletes it with the change (ADR 0026).
  "${SQL[@]}" -c "DELETE FROM webhook_change_states WHERE change_id > $((WARM_FIRST + DRAIN_CHANGES))" \
    -c "DELETE FROM webhook_changes WHERE id > $((WARM_FIRST + DRAIN_CHANGES))" \
    -c "DELETE FROM webhook_deliveries d WHERE d.id > $FIRST_DELIVERY
          AND NOT EXISTS (SELECT 1 FROM webhook_changes c WHERE c.delivery_id = d.id)" \
    -c "VACUUM ANALYZE webhook_change_states" -c "VACUUM ANALYZE webhook_deliveries" >/dev/null
  WARM_LAST=$((WARM_FIRST + DRAIN_CHANGES))
fi
if [ $((LAST - FIRST)) -gt "$DRAIN_CHANGES" ]; then
  # Changes and deliveries deleted before any worker saw them: never applied, so the correctness
  # check (newest stored change per template) is unaffected. VACUUM, so that the drain does not
  # pay for the dead rows of the deletion.
  "${SQL[@]}" -c "DELETE FROM webhook_change_states WHERE change_id > $((FIRST + DRAIN_CHANGES)) AND change_id <= $LAST" \
    -c "DELETE FROM webhook_changes WHERE id > $((FIRST + DRAIN_CHANGES)) AND id <= $LAST" \
    -c "DELETE FROM webhook_deliveries d WHERE d.id > $FIRST_DELIVERY
          AND NOT EXISTS (SELECT 1 FROM webhook_changes c WHERE c.delivery_id = d.id)" \
    -c "VACUUM ANALYZE webhook_changes" -c "VACUUM ANALYZE webhook_change_states" \
    -c "VACUUM ANALYZE webhook_deliveries"
  echo "   kept the first $DRAIN_CHANGES of the $((LAST - FIRST)) changes stored for the drain"
  LAST=$((FIRST + DRAIN_CHANGES))
fi

phase "(c) $((LAST - FIRST)) changes stored on (b)'s jar, drained by the workers alone"
# Parked (due at 'infinity', their own due times kept aside) while the restarted jar warms up on the other WABA's
# templates: first it drains their backlog stored on (b)'s jar (the workers alone, as in the measure), then it takes the
# mix at concurrency $CONCURRENCY until its JIT has settled (warm_up), processed as it comes and then drained. One C1
# and one C2 thread that never exit, so that the compiler threads' ticks can be read.
"${SQL[@]}" -c "CREATE TABLE bench_parked AS SELECT change_id, next_attempt_at FROM webhook_change_states
    WHERE state = 'PENDING' AND change_id > $FIRST AND change_id <= $LAST" \
  -c "UPDATE webhook_change_states s SET next_attempt_at = 'infinity' FROM bench_parked p
      WHERE s.change_id = p.change_id" \
  -c "VACUUM ANALYZE webhook_change_states" >/dev/null
start_warden true -XX:-UseDynamicNumberOfCompilerThreads -Xlog:safepoint:file="$WORK/safepoints-d.log":utctime
# One recording from the start, cut to the drain and to (d) when dumped: starting a recording with the profile
# settings made nearly all compiled code not entrant (8,500 methods at once), so a recording started at the drain
# measured the JIT compiling everything again.
[ -n "${BENCH_PROFILE:-}" ] && jcmd "$WARDEN_PID" JFR.start name=jar settings=profile >/dev/null
JVM0=$(jvm_ticks); JIT0=$(jit_ticks)
wait_for_empty_inbox $WARM_WABA
read -r W_COUNT _ W_RATE _ _ <<<"$(drain_stats "$WARM_FIRST" "$WARM_LAST")"
echo "   warm-up: drained $W_COUNT changes of its own backlog at ${W_RATE}/s, the JIT compiler threads" \
  "$(awk -v j=$(($(jvm_ticks) - JVM0)) -v c=$(($(jit_ticks) - JIT0)) 'BEGIN { printf "%.0f", (j > 0 ? 100 * c / j : 0) }') % of the JVM's CPU"
warm_up $WARM_WABA "$WARM_TEMPLATES" "$WARM_STATE" || exit 1
wait_for_empty_inbox $WARM_WABA
REDONE_SETUP=$(redone_alone)
DRAIN_BEGIN=$(date -u +%FT%TZ)
sample_sessions "$WORK/sessions" & SAMPLER=$!
# Measured from the restore's commit: nothing is due before it, and its own cost (one UPDATE of the parked rows) is
# the script's, not the drain's (its statement is left out of the listing by its tag).
"${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
"${SQL[@]}" -c "/* bench */ UPDATE webhook_change_states s SET next_attempt_at = p.next_attempt_at
    FROM bench_parked p WHERE s.change_id = p.change_id" -c "/* bench */ DROP TABLE bench_parked" >/dev/null
T0=$(date +%s.%N); JVM0=$(jvm_ticks); PG0=$(pg_ticks); JIT0=$(jit_ticks)
wait_for_empty_inbox
T1=$(date +%s.%N); JVM1=$(jvm_ticks); PG1=$(pg_ticks); JIT1=$(jit_ticks)
touch "$WORK/sessions.stop"; wait "$SAMPLER" || true
[ -n "${BENCH_PROFILE:-}" ] && jcmd "$WARDEN_PID" JFR.dump name=jar begin="$DRAIN_BEGIN" filename="$WORK/drain.jfr" >/dev/null
read -r C_COUNT _ C_RATE _ _ <<<"$(drain_stats "$FIRST" "$LAST")"
echo "   drained=$C_COUNT rate=${C_RATE}/s (first to last processing)"
C_FIRST=$FIRST C_LAST=$LAST
CPU_LINE=$(awk -v j=$((JVM1 - JVM0)) -v p=$((PG1 - PG0)) -v c=$((JIT1 - JIT0)) -v changes="$C_COUNT" \
  -v s="$(awk -v a="$T0" -v b="$T1" 'BEGIN{print b-a}')" -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" 'BEGIN {
  t = j + p; if (t == 0) t = 1; if (changes == 0) changes = 1;
  printf "JVM %.0f %% : PostgreSQL %.0f %% of the CPU they used (JIT compiler threads: %.0f %% of the JVM CPU); %.0f %% of %d cores busy with both (over %.1f s); %.2f ms of CPU per change (JVM %.2f, PostgreSQL %.2f)",
  100 * j / t, 100 * p / t, (j > 0 ? 100 * c / j : 0), 100 * (j + p) / hz / s / n, n, s, 1000 * t / hz / changes, 1000 * j / hz / changes, 1000 * p / hz / changes }')
echo "   CPU while draining: $CPU_LINE"
statements_by_time 160 > "$WORK/drain-statements.txt"
echo "   top statements by total time during the drain (calls | total | mean | rows | query; all of them in" \
  "drain-statements.txt with BENCH_LOGS):"
head -8 "$WORK/drain-statements.txt" | sed 's/^/     /'
echo "   $(awk -F ' [|] ' '{ calls += $1; ms += $2 } END { printf "%d statements, %.0f ms in all", calls, ms }' \
  "$WORK/drain-statements.txt")"
echo "   the jar's database sessions during the drain (samples every 100 ms; state, wait):"
summarise_sessions "$WORK/sessions"

phase "(d) intake while the workers process: the mix at concurrency $CONCURRENCY, ${PHASE_SECONDS}s"
FIRST=$(max_change_id)
INTAKE_BEGIN=$(date -u +%FT%TZ)
# (c)'s changes redone alone, read before the reset that makes (d)'s statements countable; added to (d)'s and (e)'s.
REDONE_DRAIN=$(redone_alone)
"${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
JVM0=$(jvm_ticks); PG0=$(pg_ticks)
D=$(TIMELINE=$WORK/d-timeline mix_closed $WABA "$PHASE_SECONDS" "$TEMPLATES" "$STATE" "${STATUS_ARGS[@]}"); echo "   $D"
[ -n "${BENCH_PROFILE:-}" ] && jcmd "$WARDEN_PID" JFR.dump name=jar begin="$INTAKE_BEGIN" filename="$WORK/intake.jfr" \
  >/dev/null
LAST=$(max_change_id)
wait_for_empty_inbox
JVM1=$(jvm_ticks); PG1=$(pg_ticks)
read -r D_COUNT D_RATE _ D_LAG50 D_LAG99 <<<"$(drain_stats "$FIRST" "$LAST")"
echo "   processed=$D_COUNT rate=${D_RATE}/s (first receipt to last processing) lag_p50=${D_LAG50}ms lag_p99=${D_LAG99}ms"
# The batches the workers processed (one statement marks each batch's changes done) and the CPU per change of the jar
# and PostgreSQL, intake and processing together, from before the phase's bodies are written (the jar idle) to the
# empty inbox.
read -r D_BATCHES D_DONE <<<"$("${SQL[@]}" -At -F ' ' -c "SELECT coalesce(sum(calls), 0), coalesce(sum(rows), 0)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'warden')
    AND query LIKE 'UPDATE webhook_change_states AS s SET state = %outcome = d.outcome%'")"
echo "   $(awk -v b="$D_BATCHES" -v d="$D_DONE" -v j=$((JVM1 - JVM0)) -v p=$((PG1 - PG0)) -v changes="$D_COUNT" \
  -v hz="$(getconf CLK_TCK)" 'BEGIN {
  if (changes == 0) changes = 1;
  printf "batches: %d, %.1f changes each; CPU of intake and processing: %.2f ms per change (JVM %.2f, PostgreSQL %.2f)",
  b, (b > 0 ? d / b : 0), 1000 * (j + p) / hz / changes, 1000 * j / hz / changes, 1000 * p / hz / changes }')"
statements_by_time 160 > "$WORK/intake-statements.txt"

phase "(e) processing lag at $LAG_RATE changes/s (one POST in ten carries two, 48 paced senders), ${PHASE_SECONDS}s"
FIRST=$(max_change_id)
E=$(load mix-rate "$URL" $SECRET $WABA "$LAG_RATE" "$PHASE_SECONDS" "$TEMPLATES" "$STATE" "${STATUS_ARGS[@]}"); echo "   $E"
LAST=$(max_change_id)
wait_for_empty_inbox
read -r E_COUNT E_RATE _ E_LAG50 E_LAG99 <<<"$(drain_stats "$FIRST" "$LAST")"
echo "   processed=$E_COUNT rate=${E_RATE}/s (first receipt to last processing) lag_p50=${E_LAG50}ms lag_p99=${E_LAG99}ms"
stop_warden

# The ceiling comes last: its write volume and the checkpoint after it would slow what ran next.
phase "(a) ceiling: pgbench, single-row INSERT of a 1.5 KB mix body, $CONCURRENCY clients, ${PHASE_SECONDS}s"
insert_ceiling "$CONCURRENCY" "$PHASE_SECONDS" $WABA

phase "correctness"
CHECK=$("${SQL[@]}" -F ' ' -c "
  WITH newest AS (
    SELECT DISTINCT ON (t.id) t.id, t.status, upper(c.payload ->> 'event') AS event
    FROM templates t
    JOIN webhook_changes c ON c.waba_id = t.waba_id
     AND EXISTS (SELECT 1 FROM webhook_change_states s WHERE s.change_id = c.id AND s.organization_id = t.organization_id)
     AND c.field = 'message_template_status_update' AND c.payload ->> 'message_template_id' = t.meta_template_id
    WHERE t.organization_id = '$ORG' AND t.waba_id = '$WABA' AND t.meta_template_id <> '$OFFER_META'
    ORDER BY t.id, c.entry_time DESC,
      CASE upper(c.payload ->> 'event') WHEN 'DISABLED' THEN 3 WHEN 'PAUSED' THEN 2 WHEN 'APPROVED' THEN 0 ELSE 1 END DESC)
  , wrong AS (SELECT * FROM newest WHERE status <> event)
  SELECT (SELECT count(*) FROM webhook_change_states WHERE state IN ('PENDING', 'DEAD')),
         (SELECT count(*) FROM webhook_deliveries WHERE state = 'RECEIVED'),
         (SELECT count(*) FROM templates WHERE $MIX_TEMPLATES),
         (SELECT count(*) FROM newest),
         (SELECT count(*) FROM wrong),
         (SELECT coalesce(string_agg(id || ':' || status || '<>' || event, ','), '') FROM (SELECT * FROM wrong LIMIT 5) w)")
read -r LEFT UNSPLIT TEMPLATE_COUNT CHECKED WRONG EXAMPLES <<<"$CHECK"
# Alerts and holds against each template's final status and quality (domain/.../governance:
# LifecycleReactions, HoldRules, AutoPausePolicy.WHEN_NOT_SENDABLE; the bench organisation resumes
# its campaigns by itself, and nobody acknowledges an alert during the run).
GOVERNANCE=$("${SQL[@]}" -F ' ' -c "
  WITH t AS (SELECT id, status, quality,
      (SELECT count(*) FROM alerts a WHERE a.organization_id = templates.organization_id AND a.subject_kind = 'TEMPLATE'
         AND a.subject_key = templates.id::text AND a.type = 'TEMPLATE_PAUSED' AND a.state = 'OPEN') AS pause_alerts,
      (SELECT count(*) FROM alerts a WHERE a.organization_id = templates.organization_id AND a.subject_kind = 'TEMPLATE'
         AND a.subject_key = templates.id::text AND a.type = 'QUALITY_DEGRADED' AND a.state = 'OPEN') AS quality_alerts
    FROM templates WHERE $MIX_TEMPLATES)
  , c AS (SELECT c.id, c.status, t.status AS template_status,
      c.holds -> 'TEMPLATE_STATUS' ->> 'detail' AS hold, (SELECT count(*) FROM jsonb_object_keys(c.holds)) AS holds
    FROM campaigns c JOIN templates t ON t.organization_id = c.organization_id AND t.id = c.template_id
    WHERE c.organization_id = '$ORG' AND t.waba_id = '$WABA' AND t.meta_template_id <> '$OFFER_META'
      AND c.status IN ('RUNNING', 'PAUSED'))
  SELECT (SELECT count(*) FROM t WHERE status = 'PAUSED' AND pause_alerts <> 1),
         (SELECT count(*) FROM t WHERE status = 'APPROVED' AND pause_alerts <> 0),
         (SELECT count(*) FROM t WHERE (quality IN ('YELLOW', 'RED')) <> (quality_alerts = 1) OR quality_alerts > 1),
         (SELECT count(*) FROM c WHERE template_status IN ('PAUSED', 'PENDING')
            AND (hold IS DISTINCT FROM template_status OR status <> 'PAUSED')),
         (SELECT count(*) FROM c WHERE template_status = 'APPROVED' AND (hold IS NOT NULL OR holds > 0 OR status <> 'RUNNING')),
         (SELECT count(*) FROM c),
         (SELECT count(*) FROM c WHERE status = 'PAUSED'),
         (SELECT count(*) FROM t WHERE status = 'PAUSED'),
         (SELECT count(*) FROM webhook_change_states WHERE attempts > 0)")
read -r PAUSED_WRONG APPROVED_WRONG QUALITY_WRONG HELD_WRONG RUNNING_WRONG CAMPAIGNS HELD PAUSED RETRIED <<<"$GOVERNANCE"
REDONE_RUN=$((REDONE_DRAIN + $(redone_alone)))
# Statuses against what was kept (lib.sh's status_check).
STATUS_WRONG=0 STATUS_SENDS=0 STATUS_CHANGES=0
if [ "$SENDS" -gt 0 ]; then
  read -r STATUS_CHANGES STATUS_SENDS STATUS_WRONG <<<"$(status_check "$ORG")"
fi
"${SQL[@]}" -F ' ' -c "SELECT '   changes by state:', string_agg(state || '=' || n, ' ' ORDER BY state)
  FROM (SELECT state, count(*) AS n FROM webhook_change_states GROUP BY state) s"
VERDICT=PASS
[ "$LEFT" = 0 ] && [ "$UNSPLIT" = 0 ] && [ "$WRONG" = 0 ] && [ "$CHECKED" = "$TEMPLATES" ] \
  && [ "$TEMPLATE_COUNT" = "$TEMPLATES" ] || VERDICT=FAIL
[ "$PAUSED_WRONG" = 0 ] && [ "$APPROVED_WRONG" = 0 ] && [ "$QUALITY_WRONG" = 0 ] && [ "$HELD_WRONG" = 0 ] \
  && [ "$RUNNING_WRONG" = 0 ] && [ "$CAMPAIGNS" -gt 0 ] || VERDICT=FAIL
[ "$STATUS_WRONG" = 0 ] && { [ "$SENDS" = 0 ] || [ "$STATUS_CHANGES" -gt 0 ]; } || VERDICT=FAIL
# A batch that failed (a deadlock, a lost race) was redone change by change: correct, but a defect of speed.
[ "$REDONE_RUN" = 0 ] || VERDICT=FAIL
echo "   $VERDICT: $LEFT changes PENDING or DEAD, $UNSPLIT deliveries unsplit, $TEMPLATE_COUNT templates," \
  "$CHECKED checked against their newest status change, $WRONG with another status ${EXAMPLES:+(e.g. $EXAMPLES)}"
echo "   alerts: $PAUSED_WRONG of $PAUSED PAUSED templates without exactly one open pause alert," \
  "$APPROVED_WRONG APPROVED with one, $QUALITY_WRONG whose open quality alerts disagree with their quality"
echo "   holds: $HELD_WRONG of the $HELD held campaigns (of $CAMPAIGNS started) not held for their template's" \
  "status, $RUNNING_WRONG of an APPROVED template held or not RUNNING"
[ "$SENDS" -gt 0 ] && echo "   statuses: $STATUS_CHANGES stored for $STATUS_SENDS sends, $STATUS_WRONG sends whose delivery" \
  "disagrees with them (delivered, read: earliest; priced: latest)"
echo "   redone alone after their batch failed: $REDONE_SETUP changes in the setup and warm-up, $REDONE_RUN in (c)-(e);" \
  "$RETRIED changes failed alone and were retried later"

# (f) The drain's own writes without the jar (bench/drain-floor.pgbench): (c)'s changes made due again in their
# order and taken by pgbench in batches as large as the jar's, on as many sessions as the jar runs workers, each
# statement's work done in SQL from the stored payloads. After the correctness check, which it would spoil (it writes
# the templates again). (f) against (a) is what the drain's writes cost the server; (c) against (f), what the jar adds.
FLOOR_SESSIONS=$(( $(nproc) < 4 ? $(nproc) : 4 ))
phase "(f) the drain's writes without the jar: (c)'s $((C_LAST - C_FIRST)) changes again, pgbench on $FLOOR_SESSIONS sessions, batches of $INBOX_BATCH"
"${SQL[@]}" -c "/* bench */ UPDATE webhook_change_states s SET state = 'PENDING', next_attempt_at = c.received_at,
    outcome = NULL, processed_at = NULL FROM webhook_changes c
    WHERE c.id = s.change_id AND s.change_id > $C_FIRST AND s.change_id <= $C_LAST" \
  -c "VACUUM ANALYZE webhook_change_states" -c "SELECT pg_stat_statements_reset()" >/dev/null
T0=$(date +%s.%N); PG0=$(pg_ticks)
PGPASSWORD=$DB_PASSWORD "$PG_BIN/pgbench" -n -M extended -h localhost -p "$PGPORT" -U warden -c "$FLOOR_SESSIONS" \
  -j "$FLOOR_SESSIONS" -t $(( (C_LAST - C_FIRST + INBOX_BATCH * FLOOR_SESSIONS - 1) / INBOX_BATCH / FLOOR_SESSIONS )) \
  -D org="$ORG" -D batch="$INBOX_BATCH" -f bench/drain-floor.pgbench warden > "$WORK/floor.out" 2>&1 \
  || { echo "   pgbench failed:"; tail -5 "$WORK/floor.out"; }
T1=$(date +%s.%N); PG1=$(pg_ticks)
read -r F_COUNT _ F_RATE _ _ <<<"$(drain_stats "$C_FIRST" "$C_LAST")"
echo "   drained=$F_COUNT rate=${F_RATE}/s (first to last processing); $(awk -v p=$((PG1 - PG0)) -v changes="$F_COUNT" \
  -v s="$(awk -v a="$T0" -v b="$T1" 'BEGIN{print b-a}')" -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" 'BEGIN {
  if (changes == 0) changes = 1;
  printf "PostgreSQL: %.0f %% of %d cores (over %.1f s), %.2f ms of CPU per change", 100 * p / hz / s / n, n, s, 1000 * p / hz / changes }')"
statements_by_time 120 > "$WORK/floor-statements.txt"
echo "   its statements by total time (calls | total | mean | rows | query; in floor-statements.txt with BENCH_LOGS):"
head -6 "$WORK/floor-statements.txt" | sed 's/^/     /'

# Read last, so that the autovacuum runs still going when a phase ended have logged their entries.
phase "stalls of (b) and (d): answers per tenth of a second, beside the checkpoints, autovacuum runs and safepoints"
for which in b d; do
  echo "   ($which):"
  stalls "$WORK/$which-timeline" "$WORK/safepoints-$which.log" || echo "   stalls of ($which) could not be read" >&2
done

if [ -n "${BENCH_PROFILE:-}" ] && [ -f "$WORK/drain.jfr" ]; then
  phase "profile of the jar during the drain (c) (JFR execution samples)"
  summarise_jfr "$WORK/drain.jfr" "$DRAIN_BEGIN"
  phase "profile of the jar during the intake beside the workers (d) (JFR execution samples)"
  summarise_jfr "$WORK/intake.jfr" "$INTAKE_BEGIN"
fi

CEILING=${CEILING:-0}
echo
echo "== result (same run, same server; ratio = rate / pgbench ceiling)"
echo "| measure | rate | p50 | p99 | ratio to ceiling |"
echo "|---|---|---|---|---|"
echo "| (a) pgbench single-row insert, 1.5 KB body, $CONCURRENCY clients (ceiling) | $CEILING tps | ${CEILING_P50:-—} ms | ${CEILING_P99:-—} ms (corrected as wrk corrects: ${CEILING_P99_CORRECTED:-—} ms) | 1.00 |"
echo "| (a2) bare endpoint: POST refused 401 by the signature check (POST/s) | $(field rate "$BARE") /s | $(field p50 "$BARE") ms | $(field p99 "$BARE") ms | $(ratio "$(field rate "$BARE")" "$CEILING") |"
echo "| (b) intake, workers off (acknowledged POST/s) | $(field rate "$B") /s | $(field p50 "$B") ms | $(field p99 "$B") ms | $(ratio "$(field rate "$B")" "$CEILING") |"
echo "| (c) backlog drained by the workers alone (changes/s) | $C_RATE /s | — | — | $(ratio "$C_RATE" "$CEILING") |"
echo "| (d) intake while the workers process (POST/s) | $(field rate "$D") /s | $(field p50 "$D") ms | $(field p99 "$D") ms | $(ratio "$(field rate "$D")" "$CEILING") |"
echo "| (d) processing during (d) (changes/s, lag) | $D_RATE /s | lag $D_LAG50 ms | lag $D_LAG99 ms | $(ratio "$D_RATE" "$CEILING") |"
# What the senders achieved (they fall behind when the answers take longer than 48 ms).
E_SENT=$(awk -v r="$(field rate "$E")" -v c="$(field changes "$E")" -v n="$(field requests "$E")" \
  'BEGIN { printf "%.0f", (n > 0 ? r * c / n : 0) }')
echo "| (e) processing at a fixed $LAG_RATE changes/s (achieved: $E_SENT/s sent) | $E_RATE /s | lag $E_LAG50 ms | lag $E_LAG99 ms | $(ratio "$E_SENT" "$CEILING") |"
echo "| (f) the drain's writes without the jar, pgbench (changes/s) | $F_RATE /s | — | — | $(ratio "$F_RATE" "$CEILING") |"
echo "   CPU during (c): $CPU_LINE"
echo "   redone alone after a failed batch: $REDONE_SETUP (setup, warm-up), $REDONE_RUN ((c)-(e)); retried after failing alone: $RETRIED"
echo "== correctness: $VERDICT (wall time ${SECONDS}s)"
[ "$VERDICT" = PASS ]
