-- Warden's hourly budget of Graph API calls per WABA counts every call a sync makes: the list's pages
-- and the templates asked for by id before one is marked DELETED. Jobs before this counted pages only.
ALTER TABLE sync_jobs ADD COLUMN graph_calls integer NOT NULL DEFAULT 0 CHECK (graph_calls >= 0);
UPDATE sync_jobs SET graph_calls = pages_fetched;
