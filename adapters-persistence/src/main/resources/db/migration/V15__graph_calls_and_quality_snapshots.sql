-- Warden's hourly budget of Graph API calls per WABA counts every call a sync makes: the list's pages
-- and the templates asked for by id before one is marked DELETED. Jobs before this counted pages only.
ALTER TABLE sync_jobs ADD COLUMN graph_calls integer NOT NULL DEFAULT 0 CHECK (graph_calls >= 0);
UPDATE sync_jobs SET graph_calls = pages_fetched;

-- The periodic quality snapshot (one row per template into quality_history, source SNAPSHOT). One row
-- here per period taken: the primary key is the cluster lock, so instances ticking in the same period
-- take it once. A platform table like instance_settings, not a tenant's: a snapshot covers every tenant.
CREATE TABLE quality_snapshots (
    period_start timestamptz PRIMARY KEY,
    taken_at     timestamptz NOT NULL,
    templates    integer     NOT NULL CHECK (templates >= 0)
);
