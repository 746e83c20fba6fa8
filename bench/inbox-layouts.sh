#!/usr/bin/env bash
# Inbox layouts (ADR 0025): what marking a batch of 50 changes done, and storing a commit group of 16 changes, cost
# PostgreSQL in the layouts ADR 0025 compares, with pgbench on synthetic rows shaped like the realistic mix's (a
# pause with a 1,100-character description, ~1.7 KB a row). No jar runs. From the repository root, as root or as the
# `postgres` user (Debian's `postgresql` 15 package):
#
#   bench/inbox-layouts.sh [rounds]
#
# Each measure runs `rounds` times (default 3), the layouts in turn, so that the machine's drift spreads over all.
# pgbench runs with plan_cache_mode = force_custom_plan, as Warden's connections do (ADR 0007).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_NAME=inbox-layouts
BENCH_JAR=${BENCH_JAR:-none}   # lib.sh builds the jar unless one is named; this bench runs none
source bench/lib.sh
ROUNDS=${1:-3}
start_postgres
PGBENCH=(as_postgres "$PG_BIN/pgbench" -h "$WORK/sock" -p "$PGPORT" -U postgres -n)

# The inbox as V29 had it (the columns and indexes of V1-V14), in the database of each layout.
WIDE="CREATE TABLE wc (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, delivery_id bigint NOT NULL,
    idempotency_key varchar(64) NOT NULL UNIQUE, waba_id varchar(64), field varchar(100), entry_time timestamptz,
    payload jsonb NOT NULL, organization_id uuid, state varchar(20) NOT NULL, attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL, last_error text, processed_at timestamptz, object_type varchar(100),
    received_at timestamptz NOT NULL DEFAULT now(), outcome text);
  CREATE INDEX wc_due ON wc (next_attempt_at, id) WHERE state = 'PENDING';
  CREATE INDEX wc_unroutable ON wc (waba_id) WHERE state = 'UNROUTABLE';
  CREATE INDEX wc_dead ON wc (id) WHERE state = 'DEAD';
  CREATE INDEX wc_settled ON wc (processed_at) WHERE state IN ('DONE', 'IGNORED');
  CREATE INDEX wc_by_delivery ON wc (delivery_id);
  CREATE INDEX wc_latest ON wc (waba_id, received_at);"
# V30: the state out of the wide table (STATE_OUT), into a narrow one (STATES).
STATE_OUT="DROP INDEX wc_due, wc_unroutable, wc_dead, wc_settled;
  ALTER TABLE wc DROP COLUMN state, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN last_error,
    DROP COLUMN outcome, DROP COLUMN organization_id, DROP COLUMN processed_at;"
STATES="CREATE TABLE ws (change_id bigint PRIMARY KEY REFERENCES wc (id) ON DELETE CASCADE, waba_id varchar(64),
    state varchar(20) NOT NULL, attempts int NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL, last_error text,
    outcome text, organization_id uuid, processed_at timestamptz);
  CREATE INDEX ws_due ON ws (next_attempt_at, change_id) WHERE state = 'PENDING';
  CREATE INDEX ws_unroutable ON ws (waba_id) WHERE state = 'UNROUTABLE';
  CREATE INDEX ws_dead ON ws (change_id) WHERE state = 'DEAD';
  CREATE INDEX ws_settled ON ws (processed_at) WHERE state IN ('DONE', 'IGNORED');"
DESCRIPTION="left(repeat('Template bench filler, one pause reason repeated. ', 30), 1100)"
PAYLOAD="jsonb_build_object('event', 'PAUSED', 'message_template_id', g,
  'other_info', jsonb_build_object('title', 'FIRST_PAUSE', 'description', $DESCRIPTION))"
FILL="INSERT INTO wc (delivery_id, idempotency_key, waba_id, field, entry_time, payload, state, next_attempt_at,
    object_type)
  SELECT g, md5(g::text) || md5((g + 1)::text), '1234567890', 'message_template_status_update', now(), $PAYLOAD,
    'PENDING', now(), 'whatsapp_business_account' FROM generate_series(1, 40000) g;"
# Layouts for the done-marking: SQL after the wide table, SQL after the fill, the statement marking batch :b done.
BATCH="unnest(ARRAY(SELECT g::bigint FROM generate_series(:b * 50 + 1, :b * 50 + 50) g),
    ARRAY(SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid FROM generate_series(1, 50)),
    ARRAY(SELECT 'PAUSED -> APPROVED' FROM generate_series(1, 50))) AS d (id, o, t)"
declare -A SETUP AFTER MARK
SETUP[one_row]=""; AFTER[one_row]=""
MARK[one_row]="UPDATE wc AS c SET state = 'DONE', organization_id = d.o, outcome = d.t, processed_at = now()
  FROM $BATCH WHERE c.id = d.id;"
SETUP[payload_apart]="ALTER TABLE wc RENAME TO wc_all; CREATE TABLE wp (change_id bigint PRIMARY KEY, payload jsonb);
  CREATE TABLE wc (LIKE wc_all INCLUDING ALL); ALTER TABLE wc DROP COLUMN payload; DROP TABLE wc_all;"
AFTER[payload_apart]="INSERT INTO wp SELECT id, $PAYLOAD FROM wc, LATERAL (SELECT id AS g) x;"
MARK[payload_apart]=${MARK[one_row]}
SETUP[queue_and_outcomes]="CREATE TABLE wq (change_id bigint PRIMARY KEY, next_attempt_at timestamptz NOT NULL);
  CREATE INDEX wq_due ON wq (next_attempt_at, change_id);
  CREATE TABLE wo (change_id bigint PRIMARY KEY, organization_id uuid, outcome text, processed_at timestamptz);"
AFTER[queue_and_outcomes]="INSERT INTO wq SELECT id, next_attempt_at FROM wc;"
MARK[queue_and_outcomes]="BEGIN;
DELETE FROM wq WHERE change_id = ANY (ARRAY(SELECT g::bigint FROM generate_series(:b * 50 + 1, :b * 50 + 50) g));
INSERT INTO wo SELECT d.id, d.o, d.t, now() FROM $BATCH;
COMMIT;"
SETUP[hot_fillfactor_50]="DROP INDEX wc_due, wc_unroutable, wc_dead, wc_settled; ALTER TABLE wc SET (fillfactor = 50);"
AFTER[hot_fillfactor_50]=""; MARK[hot_fillfactor_50]=${MARK[one_row]}
SETUP[state_apart]=""
AFTER[state_apart]="$STATES INSERT INTO ws (change_id, waba_id, state, next_attempt_at)
  SELECT id, waba_id, 'PENDING', next_attempt_at FROM wc; $STATE_OUT"
MARK[state_apart]="UPDATE ws AS s SET state = 'DONE', organization_id = d.o, outcome = d.t, processed_at = now()
  FROM $BATCH WHERE s.change_id = d.id;"
# (payload_apart fills the table without its payload column and writes the payloads to their own table after.)

prepare_layout() {  # prepare_layout <layout>: a fresh database x_<layout>, filled, vacuumed, checkpointed
  local db=x_$1
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  "${PSQL[@]}" -d "$db" -c "$WIDE"
  [ -z "${SETUP[$1]}" ] || "${PSQL[@]}" -d "$db" -c "${SETUP[$1]}"
  if [ "$1" = payload_apart ]; then
    "${PSQL[@]}" -d "$db" -c "INSERT INTO wc (delivery_id, idempotency_key, waba_id, field, entry_time, state,
      next_attempt_at, object_type) SELECT g, md5(g::text) || md5((g + 1)::text), '1234567890',
      'message_template_status_update', now(), 'PENDING', now(), 'whatsapp_business_account'
      FROM generate_series(1, 40000) g" -c "${AFTER[$1]}"
  else
    "${PSQL[@]}" -d "$db" -c "$FILL"
    [ -z "${AFTER[$1]}" ] || "${PSQL[@]}" -d "$db" -c "${AFTER[$1]}"
  fi
  "${PSQL[@]}" -d "$db" -c "VACUUM ANALYZE" -c "CREATE SEQUENCE b MINVALUE 0 START 0" -c "CHECKPOINT"
}
latency() {  # latency <database> <script> <clients> <pgbench options...>: pgbench's average latency in ms
  local db=$1 script=$2 clients=$3; shift 3
  PGOPTIONS="-c plan_cache_mode=force_custom_plan" "${PGBENCH[@]}" -c "$clients" -j "$clients" "$@" -f "$script" "$db" \
    2>&1 | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p'
}

echo "== done-marking: one statement per batch of 50 of 40,000 pending changes, 2 clients, 300 batches each (ms per batch)"
LAYOUTS=(one_row payload_apart queue_and_outcomes hot_fillfactor_50 state_apart)
declare -A DONE
for round in $(seq "$ROUNDS"); do
  for layout in "${LAYOUTS[@]}"; do
    prepare_layout "$layout"
    printf 'SELECT nextval(%s) AS b \\gset\n%s\n' "'b'" "${MARK[$layout]}" > "$WORK/mark.sql"
    chmod 644 "$WORK/mark.sql"
    DONE[$layout]="${DONE[$layout]:-}$(latency "x_$layout" "$WORK/mark.sql" 2 -t 150) "
  done
done
for layout in "${LAYOUTS[@]}"; do printf '   %-20s %s\n' "$layout" "${DONE[$layout]}"; done

echo "== intake: a commit group of 16 changes in one transaction, 4 clients, 10 s each (ms per group)"
KEY="md5(random()::text) || md5(random()::text)"
ONE_CHANGE="(delivery_id, idempotency_key, object_type, waba_id, field, entry_time, payload, received_at"
{ echo "BEGIN;"; for _ in $(seq 16); do
    echo "INSERT INTO wc $ONE_CHANGE, state, next_attempt_at) SELECT 1, $KEY, 'whatsapp_business_account', '1234567890', 'message_template_status_update', now(), $PAYLOAD, now(), 'PENDING', now() FROM (SELECT 1 AS g) x ON CONFLICT (idempotency_key) DO NOTHING;"
  done; echo "COMMIT;"; } > "$WORK/intake-one-row.sql"
{ echo "BEGIN;"; for _ in $(seq 16); do
    echo "WITH added AS (INSERT INTO wc $ONE_CHANGE) SELECT 1, $KEY, 'whatsapp_business_account', '1234567890', 'message_template_status_update', now(), $PAYLOAD, now() FROM (SELECT 1 AS g) x ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, waba_id, received_at) INSERT INTO ws (change_id, waba_id, state, next_attempt_at) SELECT id, waba_id, 'PENDING', received_at FROM added;"
  done; echo "COMMIT;"; } > "$WORK/intake-per-change.sql"
{ echo "BEGIN;"
  echo "WITH added AS (INSERT INTO wc $ONE_CHANGE) SELECT 1, $KEY, 'whatsapp_business_account', '1234567890', 'message_template_status_update', now(), $PAYLOAD, now() FROM generate_series(1, 16) g ORDER BY g ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, waba_id, received_at) INSERT INTO ws (change_id, waba_id, state, next_attempt_at) SELECT id, waba_id, 'PENDING', received_at FROM added;"
  echo "COMMIT;"; } > "$WORK/intake-group.sql"
chmod 644 "$WORK"/intake-*.sql
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS i_old" -c "CREATE DATABASE i_old" \
  -c "DROP DATABASE IF EXISTS i_new" -c "CREATE DATABASE i_new" -c "DROP DATABASE IF EXISTS i_nofk" -c "CREATE DATABASE i_nofk"
"${PSQL[@]}" -d i_old -c "$WIDE"
"${PSQL[@]}" -d i_new -c "$WIDE" -c "$STATE_OUT" -c "$STATES"
"${PSQL[@]}" -d i_nofk -c "$WIDE" -c "$STATE_OUT" -c "${STATES/REFERENCES wc (id) ON DELETE CASCADE/}"
declare -A INTAKE
for round in $(seq "$ROUNDS"); do
  for run in "i_old intake-one-row one_row,_one_insert_per_change" \
             "i_new intake-per-change state_apart,_one_statement_per_change" \
             "i_nofk intake-per-change state_apart_without_FK,_per_change" \
             "i_new intake-group state_apart,_one_statement_per_group"; do
    read -r db script name <<<"$run"
    "${PSQL[@]}" -d postgres -c "CHECKPOINT"
    INTAKE[$name]="${INTAKE[$name]:-}$(latency "$db" "$WORK/$script.sql" 4 -T 10) "
  done
done
for name in one_row,_one_insert_per_change state_apart,_one_statement_per_change \
            state_apart_without_FK,_per_change state_apart,_one_statement_per_group; do
  printf '   %-42s %s\n' "${name//_/ }" "${INTAKE[$name]}"
done
echo "PostgreSQL $PG_VERSION"
