-- ADR 0025: the inbox's processing state of a change moves out of webhook_changes, which keeps what Meta sent (the
-- payload, ~1.5 KB in a pause) and is written once. Marking a change done was an update of that wide row, never HOT
-- (state is in four partial-index predicates), so each done change wrote its payload again, with five index entries.
-- Now it is an update of a narrow row of this table.
CREATE TABLE webhook_change_states (
    change_id       bigint      PRIMARY KEY,
    -- The change's entry.id, as webhook_changes has it (never updated): unroutable changes are found by WABA.
    waba_id         varchar(64),
    state           varchar(20) NOT NULL CHECK (state IN ('PENDING', 'DONE', 'IGNORED', 'UNROUTABLE', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    outcome         text,
    organization_id uuid,
    processed_at    timestamptz
);

-- Every change of the retention period (30 days by default) is copied; the foreign keys are added after the copy,
-- so that each is checked in one pass rather than row by row.
INSERT INTO webhook_change_states (change_id, waba_id, state, attempts, next_attempt_at, last_error, outcome,
                                   organization_id, processed_at)
SELECT id, waba_id, state, attempts, next_attempt_at, last_error, outcome, organization_id, processed_at
FROM webhook_changes;
ALTER TABLE webhook_change_states
    ADD CONSTRAINT webhook_change_states_change_id_fkey
        FOREIGN KEY (change_id) REFERENCES webhook_changes (id) ON DELETE CASCADE,
    ADD CONSTRAINT webhook_change_states_organization_id_fkey
        FOREIGN KEY (organization_id) REFERENCES organizations (id);

-- The indexes the state had on webhook_changes (V1, V3, V4), on the narrow table.
CREATE INDEX webhook_change_states_due ON webhook_change_states (next_attempt_at, change_id) WHERE state = 'PENDING';
CREATE INDEX webhook_change_states_unroutable ON webhook_change_states (waba_id) WHERE state = 'UNROUTABLE';
CREATE INDEX webhook_change_states_dead ON webhook_change_states (change_id) WHERE state = 'DEAD';
CREATE INDEX webhook_change_states_settled ON webhook_change_states (processed_at) WHERE state IN ('DONE', 'IGNORED');
DROP INDEX webhook_changes_due;
DROP INDEX webhook_changes_unroutable;
DROP INDEX webhook_changes_dead;
DROP INDEX webhook_changes_settled;
ALTER TABLE webhook_changes DROP COLUMN state, DROP COLUMN attempts, DROP COLUMN next_attempt_at,
    DROP COLUMN last_error, DROP COLUMN outcome, DROP COLUMN organization_id, DROP COLUMN processed_at;

-- This table is the queue now (every change inserted, then updated once), vacuumed often as webhook_changes was
-- (V3); webhook_changes is only inserted and, after the retention period, deleted.
ALTER TABLE webhook_change_states SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                                       autovacuum_vacuum_cost_delay = 0);
ALTER TABLE webhook_changes RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
                                   autovacuum_vacuum_cost_delay);
-- Nothing filters on the bodies: ANALYZE need not sample them (it was most of autovacuum's time on these tables).
ALTER TABLE webhook_changes ALTER COLUMN payload SET STATISTICS 0;
ALTER TABLE webhook_deliveries ALTER COLUMN body SET STATISTICS 0;
ANALYZE webhook_change_states;
