#!/usr/bin/env bash
# Health views benchmark (issue 8): GET /api/v1/templates/critical, /quality-summary and
# /{id}/quality-trend for one organisation (10,000 templates by default) among 1,000,000, against a real
# PostgreSQL 15 server (Debian's `postgresql` package) that this script starts and deletes itself.
#
#   flock /tmp/warden-mvn.lock bench/health-views-bench.sh [seconds per phase, default 20]
#   BENCH_ORGS=1000 ...     1,000,000 templates in 1,000 organisations of 1,000 (issue 13's scale)
#
# Data, written with SQL generate_series after the jar migrated the schema (BENCH_ORGS organisations, default
# 100, sharing 1,000,000 templates equally; the measured one is the first):
#   status  APPROVED 86 %, PENDING 4.5 % (submitted 0-5 days ago), REJECTED 3 %, PAUSED 3 %, DISABLED 1 %,
#           ARCHIVED 1 %, DRAFT 1 %, LIMIT_EXCEEDED 0.5 %;  quality GREEN 85 %, UNKNOWN 5 %, YELLOW 7 %, RED 3 %;
#           flagged 2 %, awaiting category consent 1 %  -> about 15 % of templates are critical
#   history 4 rows per template (2 status, 2 quality), 2 quality observations per template, and 30 daily
#           ones per template of the measured organisation; a campaign for 5 % of templates; an alert for
#           every not-sendable, flagged or RED template.
# Phases, concurrency 8, each after a 5 s warm-up, same jar, same server, same run:
#   (a) ceiling: GET /api/v1/templates/{id} (same security, JSON and pool; one row by primary key)
#   (b) critical (pages 0-4 of 20)  (c) quality-summary  (d) quality-trend?days=30 of random templates
# then (a1)-(d1): the same with one client (one dashboard: latency without queueing for the 2 cores).
# then the statements' own times from pg_stat_statements and the plans of the two main queries.
#
# Needs: root or the postgres user able to run /usr/lib/postgresql/15/bin, psql, curl, a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")/.."
PHASE_SECONDS=${1:-20}
CONCURRENCY=8
ORGS=${BENCH_ORGS:-100}
PER_ORG=$((1000000 / ORGS))
BENCH_NAME=health
source bench/lib.sh

start_postgres
PORT=$(free_port "${BENCH_PORT:-18180}")
BASE="http://localhost:$PORT"
export DATASOURCES_DEFAULT_URL="jdbc:postgresql://localhost:$PGPORT/warden" DATASOURCES_DEFAULT_USERNAME=warden \
       DATASOURCES_DEFAULT_PASSWORD=$DB_PASSWORD WARDEN_JWT_SECRET=bench-jwt-secret-of-at-least-32-characters \
       WARDEN_ADMIN_USERNAME=bench WARDEN_ADMIN_PASSWORD=bench-password-1 MICRONAUT_SERVER_PORT=$PORT
phase() { echo "== [${SECONDS}s] $*"; }
login() {
  curl -sf -X POST "$BASE/login" -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

echo "== $(date -u +%Y-%m-%dT%H:%MZ): PostgreSQL $PG_VERSION on port $PGPORT, $(nproc) cores, $(java -version 2>&1 | head -1)"
start_warden false   # migrates the schema; no webhooks in this benchmark
ROOT=$(login bench bench-password-1)
ORG=$(curl -sf -X POST "$BASE/api/v1/organizations" -H "Authorization: Bearer $ROOT" \
  -H 'Content-Type: application/json' -d '{"name":"Measured"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -X POST "$BASE/api/v1/organizations/$ORG/users" -H "Authorization: Bearer $ROOT" -H 'Content-Type: application/json' \
  -d '{"username":"viewer","password":"bench-password-2","role":"VIEWER"}' >/dev/null
# The load generator counts only 200s as ok: a phase with fewer is a failed phase, shown in the table.
VIEWER=$(login viewer bench-password-2)

phase "fill: 1,000,000 templates in $ORGS organisations of $PER_ORG, history, quality, campaigns, alerts"
"${SQL[@]}" <<SQL
SELECT setseed(0.42);
INSERT INTO organizations (id, name, created_at)
SELECT gen_random_uuid(), 'Org ' || n, now() FROM generate_series(2, $ORGS) n;
CREATE TEMP TABLE orgs AS
SELECT id, row_number() OVER (ORDER BY (id = '$ORG') DESC, id) - 1 AS n FROM organizations;
INSERT INTO templates (organization_id, id, waba_id, meta_template_id, name, language, category, status, quality,
    flagged, flag_disable_date, pause_count, pause_title, paused_at, pause_kind, rejection_reason, has_rejection,
    allow_category_change, awaiting_category_consent, content, current_version, approved_edits,
    last_status_at, last_quality_at, last_marker_at, last_category_at, created_at, updated_at, revision)
SELECT o.id, gen_random_uuid(), (190000000000000 + o.n)::text, (1000000000000000 + s.g)::text,
       'tpl_' || (s.g % $PER_ORG), (ARRAY['en_US', 'pt_BR', 'es'])[1 + s.g % 3],
       CASE WHEN s.g % 4 = 0 THEN 'MARKETING' ELSE 'UTILITY' END, s.status, s.quality,
       s.f < 0.02, CASE WHEN s.f < 0.02 THEN 'January 31, 2027' END,
       CASE s.status WHEN 'PAUSED' THEN 1 ELSE 0 END, CASE s.status WHEN 'PAUSED' THEN 'FIRST_PAUSE' END,
       CASE s.status WHEN 'PAUSED' THEN s.status_at END, CASE s.status WHEN 'PAUSED' THEN 'FIRST' END,
       CASE s.status WHEN 'REJECTED' THEN 'INVALID_FORMAT' END, s.status = 'REJECTED',
       false, s.f BETWEEN 0.02 AND 0.03,
       '{"parameterFormat":"NAMED","body":{"text":"Hello {{first_name}}, your order {{order_id}} is on its way to you.","examples":{"first_name":"Pablo","order_id":"A-1042"}},"buttons":[]}'::jsonb,
       1, '{}', s.status_at, s.status_at + interval '1 hour', s.status_at + interval '2 hours',
       s.status_at + interval '3 hours', now() - interval '90 days', s.status_at, 1
FROM (SELECT g, r, f,
             CASE WHEN r < 0.03 THEN 'PAUSED' WHEN r < 0.04 THEN 'DISABLED' WHEN r < 0.07 THEN 'REJECTED'
                  WHEN r < 0.08 THEN 'ARCHIVED' WHEN r < 0.085 THEN 'LIMIT_EXCEEDED' WHEN r < 0.13 THEN 'PENDING'
                  WHEN r < 0.14 THEN 'DRAFT' ELSE 'APPROVED' END AS status,
             CASE WHEN q < 0.03 THEN 'RED' WHEN q < 0.10 THEN 'YELLOW' WHEN q < 0.15 THEN 'UNKNOWN' ELSE 'GREEN' END
                 AS quality,
             now() - CASE WHEN r >= 0.085 AND r < 0.13 THEN random() * interval '5 days'
                          ELSE random() * interval '60 days' END AS status_at
      FROM (SELECT g, random() AS r, random() AS q, random() AS f FROM generate_series(0, 999999) g) x) s
JOIN orgs o ON o.n = s.g / $PER_ORG;
INSERT INTO template_history (organization_id, template_id, kind, source, event, previous, current, reason, stale,
    occurred_at, recorded_at, details)
SELECT t.organization_id, t.id, CASE WHEN k <= 2 THEN 'STATUS' ELSE 'QUALITY' END, 'WEBHOOK',
       CASE k WHEN 1 THEN 'PENDING' WHEN 2 THEN t.status ELSE 'QUALITY' END,
       CASE k WHEN 1 THEN NULL WHEN 2 THEN 'PENDING' WHEN 3 THEN 'UNKNOWN' ELSE 'GREEN' END,
       CASE k WHEN 1 THEN 'PENDING' WHEN 2 THEN t.status WHEN 3 THEN 'GREEN' ELSE t.quality END,
       NULL, false, t.last_status_at - (5 - k) * interval '1 day', t.last_status_at - (5 - k) * interval '1 day', '{}'
FROM templates t CROSS JOIN generate_series(1, 4) k;
INSERT INTO quality_history (organization_id, template_id, rating, observed_at, source)
SELECT t.organization_id, t.id, CASE WHEN k = 1 THEN 'GREEN' ELSE t.quality END,
       t.last_status_at - (2 - k) * interval '1 day', 'WEBHOOK'
FROM templates t CROSS JOIN generate_series(1, 2) k;
INSERT INTO quality_history (organization_id, template_id, rating, observed_at, source)
SELECT t.organization_id, t.id, t.quality, now() - d * interval '1 day', 'RECONCILE'
FROM templates t CROSS JOIN generate_series(1, 30) d WHERE t.organization_id = '$ORG';
INSERT INTO campaigns (organization_id, id, name, template_id, status, created_at, updated_at, revision)
SELECT t.organization_id, gen_random_uuid(), 'campaign ' || t.name, t.id,
       (ARRAY['DRAFT', 'RUNNING', 'PAUSED', 'COMPLETED'])[1 + (hashtext(t.id::text) & 3)], now(), now(), 1
FROM templates t WHERE hashtext(t.id::text) % 20 = 0;
INSERT INTO alerts (organization_id, id, type, severity, subject_kind, subject_key, message, details, state, count,
    created_at, last_raised_at, revision)
SELECT t.organization_id, gen_random_uuid(),
       CASE WHEN t.status IN ('PAUSED', 'DISABLED', 'REJECTED', 'ARCHIVED') THEN 'TEMPLATE_' || t.status
            WHEN t.flagged THEN 'TEMPLATE_FLAGGED' ELSE 'QUALITY_DEGRADED' END,
       'HIGH', 'TEMPLATE', t.id::text, 'bench alert', '{}', 'OPEN', 1, t.last_status_at, t.last_status_at, 1
FROM templates t WHERE t.status IN ('PAUSED', 'DISABLED', 'REJECTED', 'ARCHIVED') OR t.flagged OR t.quality = 'RED';
SQL
"${SQL[@]}" -c "VACUUM ANALYZE"
"${SQL[@]}" -F ' ' -c "SELECT 'templates=' || (SELECT count(*) FROM templates),
  'measured_org=' || (SELECT count(*) FROM templates WHERE organization_id = '$ORG'),
  'history=' || (SELECT count(*) FROM template_history), 'quality=' || (SELECT count(*) FROM quality_history),
  'campaigns=' || (SELECT count(*) FROM campaigns), 'alerts=' || (SELECT count(*) FROM alerts),
  'database=' || pg_size_pretty(pg_database_size('warden'))"
CRITICAL_TOTAL=$(curl -sf "$BASE/api/v1/templates/critical?size=1" -H "Authorization: Bearer $VIEWER" \
  | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "   critical templates of the measured organisation: $CRITICAL_TOTAL"

"${SQL[@]}" -c "SELECT id FROM templates WHERE organization_id = '$ORG' ORDER BY random() LIMIT 1000" > "$WORK/ids"
sed "s|^|$BASE/api/v1/templates/|" "$WORK/ids" > "$WORK/ceiling.urls"
for p in 0 0 0 1 2 3 4; do echo "$BASE/api/v1/templates/critical?page=$p&size=20"; done > "$WORK/critical.urls"
echo "$BASE/api/v1/templates/quality-summary" > "$WORK/summary.urls"
sed "s|.*|$BASE/api/v1/templates/&/quality-trend?days=30|" "$WORK/ids" > "$WORK/trend.urls"

measure() {  # measure <label> <url file> [concurrency]
  local clients=${3:-$CONCURRENCY}
  load authget "$2" "$VIEWER" "$clients" 5 >/dev/null
  local line; line=$(load authget "$2" "$VIEWER" "$clients" "$PHASE_SECONDS")
  echo "   $line"
  RESULTS+=("| $1 | $(field rate "$line") | $(field p50 "$line") | $(field p99 "$line") | $(field ok "$line")/$(field requests "$line") |")
}
RESULTS=()
"${SQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
phase "(a) ceiling: GET /api/v1/templates/{id}, $CONCURRENCY clients, ${PHASE_SECONDS}s"
measure "(a) GET /templates/{id} (ceiling)" "$WORK/ceiling.urls"
phase "(b) GET /api/v1/templates/critical"
measure "(b) GET /templates/critical" "$WORK/critical.urls"
phase "(c) GET /api/v1/templates/quality-summary"
measure "(c) GET /templates/quality-summary" "$WORK/summary.urls"
phase "(d) GET /api/v1/templates/{id}/quality-trend?days=30"
measure "(d) GET /templates/{id}/quality-trend" "$WORK/trend.urls"
phase "(a1)-(d1) the same, one client at a time (one dashboard)"
measure "(a1) GET /templates/{id} (ceiling), 1 client" "$WORK/ceiling.urls" 1
measure "(b1) GET /templates/critical, 1 client" "$WORK/critical.urls" 1
measure "(c1) GET /templates/quality-summary, 1 client" "$WORK/summary.urls" 1
measure "(d1) GET /templates/{id}/quality-trend, 1 client" "$WORK/trend.urls" 1

echo "== result (same run, same server; concurrency $CONCURRENCY unless said; ms)"
echo "| phase | requests/s | p50 ms | p99 ms | 200s |"
echo "|---|---|---|---|---|"
printf '%s\n' "${RESULTS[@]}"
echo "== statements by total time (pg_stat_statements, all phases)"
"${SQL[@]}" -F ' | ' -c "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(max_exec_time::numeric, 2) AS max_ms,
  left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements
  WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 8"
echo "== plan of the critical page"
"${SQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM templates WHERE organization_id = '$ORG'
  AND (status = 'DISABLED' OR status = 'ARCHIVED' OR status = 'PAUSED' OR quality = 'RED' OR flagged
       OR awaiting_category_consent OR status = 'REJECTED' OR status = 'LIMIT_EXCEEDED'
       OR (status = 'PENDING' AND coalesce(last_status_at, created_at) < now() - interval '48 hours'))" \
  | grep -E "Scan|Heap Fetches|Execution Time|Buffers" | head -8
