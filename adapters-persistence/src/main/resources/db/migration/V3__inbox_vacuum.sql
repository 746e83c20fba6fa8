-- The inbox tables are queues: every change is inserted, then updated once when processed. Claims
-- scan the pending part of an index whose dead entries only vacuum removes, so vacuum them often
-- instead of after a fifth of the table has turned over.
ALTER TABLE webhook_changes SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                                 autovacuum_vacuum_cost_delay = 0);
ALTER TABLE webhook_deliveries SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_threshold = 1000);

-- Deliveries are split into their changes in the transaction that stores them; none waits to be split.
DROP INDEX webhook_deliveries_to_split;

-- The claim orders by (next_attempt_at, id): an index in that order lets it stop after the batch
-- instead of sorting every due change.
DROP INDEX webhook_changes_due;
CREATE INDEX webhook_changes_due ON webhook_changes (next_attempt_at, id) WHERE state = 'PENDING';
