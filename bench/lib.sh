# Shared by the benchmarks in bench/; source it from the repository root after setting BENCH_NAME.
# It checks the tools, makes a work directory (deleted on exit together with the servers below),
# and offers start_postgres (Debian's PostgreSQL 15, defaults kept) and start_warden / stop_warden
# (the jar against it; the caller exports the jar's settings first), the bench organisation with its WABA
# (bench_organisation), CPU ticks (jvm_ticks, pg_ticks) and a summary of a JFR recording (summarise_jfr).
#
# The jar is built when missing (always with BENCH_BUILD=always): `package` under the shared build
# lock, never `install`. Run a benchmark itself under that lock, so no build runs beside it:
#   flock /tmp/warden-mvn.lock bench/notify-bench.sh
# (the build inside then runs without taking the lock a second time).
#
# BENCH_LOGS=dir: the jar's and PostgreSQL's logs (and any JFR recording, *-statements.txt listing or
# safepoints-*.log of the jar's safepoints) are copied there before the work directory goes.
# BENCH_PG_SETTINGS="name=value ...": more server settings for start_postgres (each passed as -c name=value), e.g.
# to try checkpoint settings; by default every setting but those start_postgres names stays at PostgreSQL's default.
#
# After start_postgres: PGPORT, DB_PASSWORD, PSQL (psql as the postgres superuser), SQL (psql on the
# database warden, owned by the role warden), PG_VERSION.

PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/psql" "$PG_BIN/pgbench" curl java openssl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install postgresql curl)"; exit 1; }
done
MVN_LOCK=/tmp/warden-mvn.lock
# Whether this shell or one of its ancestors holds the build lock (flock(1) around the benchmark).
holding_mvn_lock() {
  [ -e "$MVN_LOCK" ] || return 1
  local inode pid holders
  inode=$(stat -c %i "$MVN_LOCK")
  holders=$(awk -v inode="$inode" '$2 == "FLOCK" { n = split($6, id, ":"); if (id[n] == inode) print $5 }' /proc/locks)
  pid=$$
  while [ "$pid" -gt 1 ]; do
    grep -qx "$pid" <<<"$holders" && return 0
    pid=$(awk '{print $4}' "/proc/$pid/stat")
  done
  return 1
}
build_jar() {
  local build=(./mvnw -B -o -q package -DskipTests -Dinvoker.skip)
  if holding_mvn_lock; then "${build[@]}"; else flock "$MVN_LOCK" "${build[@]}"; fi
}
# BENCH_JAR: another build's jar (a baseline), used as it is.
WARDEN_JAR=${BENCH_JAR:-bootstrap/target/warden.jar}
if [ -z "${BENCH_JAR:-}" ] && { [ "${BENCH_BUILD:-}" = always ] || [ ! -f "$WARDEN_JAR" ]; }; then build_jar; fi

WORK=$(mktemp -d "/tmp/warden-${BENCH_NAME:-bench}.XXXXXX")
chmod 755 "$WORK"
WARDEN_PID=
PG_STARTED=
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  if [ -n "$WARDEN_PID" ]; then kill "$WARDEN_PID" 2>/dev/null || true; wait "$WARDEN_PID" 2>/dev/null || true; fi
  # BENCH_LOGS=dir keeps the jar's logs (one per start) and PostgreSQL's, which the work directory takes along.
  if [ -n "${BENCH_LOGS:-}" ]; then
    mkdir -p "$BENCH_LOGS" && cp "$WORK"/warden-*.log "$BENCH_LOGS"/ 2>/dev/null || true
    cp "$WORK/pgdata/server.log" "$BENCH_LOGS/postgresql.log" 2>/dev/null || true
    cp "$WORK"/*.jfr "$WORK"/*-statements.txt "$WORK"/safepoints-*.log "$BENCH_LOGS"/ 2>/dev/null || true
  fi
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
# for profiles; its log's times in UTC, as the benchmarks that read the log expect. start_postgres [extra server
# options...]
start_postgres() {
  PGPORT=$(free_port "${BENCH_PG_PORT:-25432}")
  DB_PASSWORD=bench-db-password
  mkdir -p "$WORK/pgdata" "$WORK/sock"
  [ "$(id -u)" = 0 ] && chown postgres: "$WORK/pgdata" "$WORK/sock"
  echo "$DB_PASSWORD" > "$WORK/pwfile"; chmod 644 "$WORK/pwfile"
  as_postgres "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --pwfile="$WORK/pwfile" -A scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log"; exit 1; }
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pgdata/server.log" -w -t 60 \
    -o "-p $PGPORT -k $WORK/sock -c listen_addresses=localhost -c log_timezone=UTC -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all $* $(for setting in ${BENCH_PG_SETTINGS:-}; do printf -- '-c %s ' "$setting"; done)" \
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
  # shellcheck disable=SC2086 # BENCH_JVM_OPTS: more JVM options for every start of the jar, split on spaces
  WARDEN_INBOX_WORKERS_ENABLED=$workers java -Xms512m -Xmx1g ${BENCH_JVM_OPTS:-} "$@" -jar "$WARDEN_JAR" \
    >"$WARDEN_LOG" 2>&1 &
  WARDEN_PID=$!
  for _ in $(seq 1 240); do grep -q "Warden is running" "$WARDEN_LOG" && return; sleep 0.25; done
  cat "$WARDEN_LOG"; exit 1
}
# bench_organisation <WABA>: signs in as the bench admin (WARDEN_ADMIN_USERNAME bench, password bench-password-1),
# creates an organisation and registers the WABA with it, on the jar at $BASE; sets TOKEN and ORG.
bench_organisation() {
  TOKEN=$(curl -sf -X POST "$BASE/login" -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"bench-password-1"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  ORG=$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{"name":"Bench"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  curl -sf -X POST "$BASE/api/v1/organizations/$ORG/whatsapp-accounts" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"wabaId\":\"$1\",\"name\":\"Bench\"}" >/dev/null
}
stop_warden() {
  kill "$WARDEN_PID"; wait "$WARDEN_PID" 2>/dev/null || true; WARDEN_PID=
}
load() { java -Xmx512m bench/WebhookLoad.java "$@"; }
field() { sed -nE "s/.* $1=([0-9.NaN]+).*/\1/p" <<<"$2"; }  # field <name> <line of WebhookLoad output>
# CPU ticks of the jar, and of PostgreSQL (postmaster, its live children and the children it reaped).
jvm_ticks() { awk '{print $14 + $15}' "/proc/$WARDEN_PID/stat"; }
# The JIT compiler threads' ticks, part of jvm_ticks (C1 and C2 CompilerThread): how far from warm the jar still
# is. Threads that exit take their ticks with them: start the jar with -XX:-UseDynamicNumberOfCompilerThreads.
jit_ticks() {
  local total=0 task
  for task in /proc/"$WARDEN_PID"/task/*; do
    grep -q '^C[12] CompilerThre' "$task/comm" 2>/dev/null || continue
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
pg_ticks() {
  local pm total=0 pid
  pm=$(head -1 "$WORK/pgdata/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for pid in $(pgrep -P "$pm"); do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
# summarise_jfr <recording> [from, a UTC time as date -u +%FT%TZ prints it]: execution samples by package, top
# frames, innermost Warden frames; with a time, only the samples taken from then on (a dump keeps whole chunks, so
# it may begin earlier). Samples are compared by time of day: a recording across midnight UTC would need the date.
summarise_jfr() {
  TZ=UTC jfr print --events jdk.ExecutionSample --stack-depth 64 "$1" > "$WORK/samples.txt"
  local from=${2:-}
  from=${from#*T}; from=${from%Z}
  awk -v from="$from" '
    /jdk.ExecutionSample/ { pending = 1; skip = 0; depth = -1; delete seen; next }
    pending && /startTime = / { pending = 0; skip = from != "" && $3 < from; if (!skip) n++; next }
    skip { next }
    /sampledThread = / { t = $0; sub(/^[^"]*"/, "", t); sub(/".*$/, "", t); gsub(/[-#]?[0-9]+$/, "", t); threads[t]++; next }
    /stackTrace = \[/ { depth = 0; next }
    depth >= 0 && /^[[:space:]]*\]/ { depth = -1; next }
    depth >= 0 {
      frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*$/, "", frame)
      if (depth == 0) self[frame]++
      split(frame, parts, "(")
      method = parts[1]
      group = method ~ /^org\.jooq\./ ? "org.jooq" : method ~ /^org\.postgresql\./ ? "org.postgresql (JDBC)" \
        : method ~ /^com\.fasterxml\./ ? "jackson" : method ~ /^io\.netty\./ ? "netty" \
        : method ~ /^com\.zaxxer\./ ? "hikari" : method ~ /^dev\.warden\./ ? "dev.warden" \
        : method ~ /^io\.micronaut\./ ? "micronaut" : ""
      if (group != "" && !(group in seen)) { seen[group] = 1; incl[group]++ }
      if (depth == 0) {
        own = method ~ /^org\.jooq\./ ? "org.jooq" : method ~ /^org\.postgresql\./ ? "org.postgresql (JDBC)" \
          : method ~ /^com\.fasterxml\./ ? "jackson" : method ~ /^io\.netty\./ ? "netty" \
          : method ~ /^dev\.warden\./ ? "dev.warden" : method ~ /^io\.micronaut\./ ? "micronaut" \
          : method ~ /^(java|javax|jdk|sun)\./ ? "JDK" : "other"
        byown[own]++
      }
      if (!warden_done && method ~ /^dev\.warden\./) { warden[method]++; warden_done = 1 }
      depth++
      next
    }
    /^}/ { warden_done = 0 }
    END {
      if (n == 0) { print "   0 samples"; exit }
      printf "   %d samples\n   self time by package:", n
      for (g in byown) printf " %s %.0f%%", g, 100 * byown[g] / n; print ""
      printf "   samples by thread:"
      for (t in threads) printf " %s %.0f%%", t, 100 * threads[t] / n; print ""
      printf "   samples whose stack contains:"
      for (g in incl) printf " %s %.0f%%", g, 100 * incl[g] / n; print ""
      print "   top frames (self):"
      for (f in self) printf "%8.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -15"
      close("sort -rn | head -15")
      print "   innermost Warden frame on the stack:"
      for (f in warden) printf "%8.1f%%  %s\n", 100 * warden[f] / n, f | "sort -rn | head -12"
    }' "$WORK/samples.txt"
}

# PostgreSQL's ceiling for the webhook intake (realistic-bench.sh, soak-bench.sh): pgbench, single-row INSERT of a
# 1.5 KB mix body into a table shaped like webhook_deliveries. insert_ceiling <clients> <seconds> <WABA>: prints
# pgbench's tps and latency lines and sets CEILING (tps, whole; empty when pgbench failed). Run it last: its
# write volume and the checkpoint after it would slow what ran next.
insert_ceiling() {
  local body result
  body=$(load sample-body "$3")
  "${SQL[@]}" -c "CREATE TABLE bench_ceiling (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL, body bytea NOT NULL, signature varchar(100),
    state varchar(20) NOT NULL CHECK (state IN ('RECEIVED', 'SPLIT', 'MALFORMED')), error text);
    CREATE INDEX bench_ceiling_to_split ON bench_ceiling (id) WHERE state = 'RECEIVED';
    ALTER TABLE bench_ceiling OWNER TO warden"
  cat > "$WORK/insert.sql" <<SQL
INSERT INTO bench_ceiling (received_at, body, signature, state) VALUES (now(), convert_to('$body', 'UTF8'), 'sha256=0000000000000000000000000000000000000000000000000000000000000000', 'RECEIVED');
SQL
  chmod 644 "$WORK/insert.sql"
  # -l: every transaction's latency (third field, µs) in pgbench_log.*, for the ceiling's own percentiles.
  result=$(cd "$WORK" && PGPASSWORD=$DB_PASSWORD "$PG_BIN/pgbench" -n -h localhost -p "$PGPORT" -U warden -c "$1" -j 2 \
    -T "$2" -l -f "$WORK/insert.sql" warden 2>"$WORK/pgbench.err" | grep -E "^tps|latency average" || true)
  [ -n "$result" ] || { echo "   pgbench failed:"; tail -5 "$WORK/pgbench.err"; }
  echo "$result" | sed 's/^/   /'
  CEILING=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$result" | head -1 | cut -d. -f1)
  read -r CEILING_P50 CEILING_P99 <<<"$({ cat "$WORK"/pgbench_log.* 2>/dev/null || true; } | awk '{ print $3 }' | sort -n | awk '
    { l[NR] = $1 } END { if (NR) { m = int(NR * 0.5); t = int(NR * 0.99); if (m < 1) m = 1; if (t < 1) t = 1
      printf "%.1f %.1f", l[m] / 1000, l[t] / 1000 } }')"
  # The same transactions' p99 corrected for coordinated omission as wrk 4.1 corrects the intake's latencies
  # (stats_correct: with e the mean interval per client, each latency L >= 2e adds L - e, L - 2e, ... while above e),
  # so that a stall of the database's commits weighs in (a) as it does in the phases wrk measures.
  # Printed as whole numbers: awk would write a large float as 1.5e+06, which sort -n reads as 1.5.
  CEILING_P99_CORRECTED=$({ cat "$WORK"/pgbench_log.* 2>/dev/null || true; } | awk -v clients="$1" -v seconds="$2" '
    { l[NR] = $3 } END { if (!NR) exit; e = seconds * 1e6 / (NR / clients)
      for (i = 1; i <= NR; i++) { printf "%d\n", l[i]
        if (l[i] >= 2 * e) for (m = l[i] - e; m > e; m -= e) printf "%d\n", m } }' \
    | sort -n | awk '{ l[NR] = $1 } END { if (NR) { t = int(NR * 0.99); if (t < 1) t = 1; printf "%.1f", l[t] / 1000 } }')
  rm -f "$WORK"/pgbench_log.*
  echo "   latency p50 = ${CEILING_P50:-?} ms, p99 = ${CEILING_P99:-?} ms; p99 corrected as wrk corrects = ${CEILING_P99_CORRECTED:-?} ms"
  "${SQL[@]}" -c "DROP TABLE bench_ceiling"
}

# For the scripts that drive the jar through its API and its webhook (campaign-bench.sh, hold-bench.sh).
login() {  # login <username> <password>: a bearer token (needs BASE)
  curl -sf -X POST "$BASE/login" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }  # elapsed <from> <to>: seconds
# add_recipients <campaign> <phone number id> <count> [first recipient, default 0]: to a campaign through
# POST /api/v1/campaigns/{id}/recipients in calls of 1,000 (the most one call takes), sender META (needs BASE,
# ORG, TOKEN); prints the seconds they took together. Recipient i is +9198 and i in 8 digits, params Ana, X-i.
add_recipients() {
  local campaign=$1 number=$2 count=$3 offset=${4:-0} from=0 t0 answer size
  t0=$(now)
  while [ "$from" -lt "$count" ]; do
    size=$(( count - from < 1000 ? count - from : 1000 ))
    answer=$(awk -v from="$((offset + from))" -v size="$size" -v number="$number" 'BEGIN {
      printf "{\"provider\":\"META\",\"phoneNumberId\":\"%s\",\"recipients\":[", number
      for (i = from; i < from + size; i++) printf "%s{\"to\":\"+9198%08d\",\"params\":[\"Ana\",\"X-%d\"]}", (i > from ? "," : ""), i, i
      printf "]}" }' | curl -sf -X POST "$BASE/api/v1/campaigns/$campaign/recipients?organizationId=$ORG" \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @-)
    [ "$(json added "$answer")" = "$size" ] || { echo "recipients not added: $answer" >&2; exit 1; }
    from=$((from + size))
  done
  elapsed "$t0" "$(now)"
}
json() { grep -o "\"$1\":\"\{0,1\}[^,\"}]*" <<<"$2" | head -1 | sed -E "s/^\"$1\":\"?//"; }  # json <field> <JSON>: its first value
# signed_webhook <secret> <body>: POSTs a body to /webhooks/meta signed as Meta signs it (needs BASE);
# prints the HTTP status.
signed_webhook() {
  local signature
  signature=$(printf '%s' "$2" | openssl dgst -sha256 -hmac "$1" | sed 's/^.* //')
  curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/webhooks/meta" -H 'Content-Type: application/json' \
    -H "X-Hub-Signature-256: sha256=$signature" --data-binary "$2"
}
# template_webhooks <secret> <waba> <meta id> <name> <category> <body text> <entry.time>: an APPROVED status
# change and the body text Meta reports for it (message_template_components_update), as Meta announces a
# new approved template; Warden then knows its content and can send it.
template_webhooks() {
  local status components
  status=$(signed_webhook "$1" "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"$2\",\"time\":$7,\"changes\":[{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\",\"message_template_id\":$3,\"message_template_name\":\"$4\",\"message_template_language\":\"en_US\",\"reason\":\"NONE\",\"message_template_category\":\"$5\"}}]}]}")
  components=$(signed_webhook "$1" "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"$2\",\"time\":$(($7 + 1)),\"changes\":[{\"field\":\"message_template_components_update\",\"value\":{\"message_template_id\":$3,\"message_template_name\":\"$4\",\"message_template_language\":\"en_US\",\"message_template_element\":\"$6\"}}]}]}")
  [ "$status" = 200 ] && [ "$components" = 200 ] || { echo "template webhooks answered $status, $components"; exit 1; }
}

# offer_template <secret> <waba> <meta id> <entry.time>: the benches' MARKETING template bench_offer (body "Hi {{1}},
# your offer {{2}} is ready.") made APPROVED with its body by Meta's webhooks; prints its id in Warden once it is
# there (needs BASE and SQL; fails after 10 s).
offer_template() {
  local id=
  template_webhooks "$1" "$2" "$3" bench_offer MARKETING 'Hi {{1}}, your offer {{2}} is ready.' "$4" >&2
  for _ in $(seq 1 100); do
    id=$("${SQL[@]}" -c "SELECT id FROM templates WHERE meta_template_id = '$3' AND status = 'APPROVED'
      AND current_version = 1")
    [ -n "$id" ] && break; sleep 0.1
  done
  [ -n "$id" ] || { echo "the template $3 did not arrive" >&2; return 1; }
  echo "$id"
}

# status_check <organisation>: the statuses the stored `messages` changes of the organisation reported against
# what Warden kept for their sends (SendDelivery.with: each state's earliest report, the pricing of the latest
# one; every bench status carries pricing). Prints: statuses stored, sends they name, sends whose kept delivery
# disagrees (delivered or read time not the earliest such status, priced time not the latest status, or no
# send of the organisation with that id).
status_check() {
  "${SQL[@]}" -F ' ' -c "
    WITH s AS (SELECT st ->> 'id' AS wamid, st ->> 'status' AS status, to_timestamp((st ->> 'timestamp')::bigint) AS at
               FROM webhook_changes c JOIN webhook_change_states cs ON cs.change_id = c.id,
                    jsonb_array_elements(c.payload -> 'statuses') st
               WHERE c.field = 'messages' AND cs.organization_id = '$1' AND cs.state = 'DONE')
    , e AS (SELECT wamid, min(at) FILTER (WHERE status = 'delivered') AS delivered,
                   min(at) FILTER (WHERE status = 'read') AS read, max(at) AS priced FROM s GROUP BY wamid)
    SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM e),
      (SELECT count(*) FROM e LEFT JOIN notifications n ON n.organization_id = '$1' AND n.provider_message_id = e.wamid
         AND n.outbound IS NOT NULL
       LEFT JOIN send_deliveries d ON d.organization_id = n.organization_id AND d.notification_id = n.id
       WHERE n.id IS NULL OR d.delivered_at IS DISTINCT FROM e.delivered OR d.read_at IS DISTINCT FROM e.read
          OR d.priced_at IS DISTINCT FROM e.priced)"
}
# Changes redone alone after their batch failed since pg_stat_statements was last reset: the single-change
# claim runs for nothing else.
redone_alone() {
  "${SQL[@]}" -c "/* bench */ SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
    WHERE query ~* 'webhook_change_states\"?\\.\"?change_id\"? = \\\$1 and .*for update of .*skip locked'"
}
