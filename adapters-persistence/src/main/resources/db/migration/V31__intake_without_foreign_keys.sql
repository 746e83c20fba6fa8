-- ADR 0026: the webhook intake's rows are joined by construction, not by foreign keys. A change is inserted with its
-- delivery in the writer's transaction, and its state by the same statement, from the change's own RETURNING; no
-- other statement inserts either. The keys' checks ran per row on every acknowledged POST, planned anew each time
-- (plan_cache_mode = force_custom_plan applies to the checks' plans): a third of PostgreSQL's CPU per POST and a
-- quarter of the intake's rate on a slower machine (docs/benchmarks.md, "A slower machine"). Retention now deletes
-- a change's state itself before the change (JooqWebhookInbox.purgeSettled), which ON DELETE CASCADE did.
ALTER TABLE webhook_changes DROP CONSTRAINT webhook_changes_delivery_id_fkey;
ALTER TABLE webhook_change_states DROP CONSTRAINT webhook_change_states_change_id_fkey;
