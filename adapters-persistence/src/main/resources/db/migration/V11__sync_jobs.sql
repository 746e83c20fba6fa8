-- Reconciliation jobs: one run of comparing a WABA's templates at Meta with Warden's. Progress is
-- written page by page so it can be watched while the job runs. The partial unique index is the
-- cluster lock: at most one RUNNING job per WABA, whichever instance tries to start a second one.
-- A job whose heartbeat stops (its instance died) is failed by the next start, freeing the WABA.

CREATE TABLE sync_jobs (
    organization_id uuid          NOT NULL REFERENCES organizations (id),
    id              uuid          NOT NULL,
    waba_id         varchar(32)   NOT NULL CHECK (waba_id ~ '^[0-9]+$'),
    requested_by    varchar(64),
    status          varchar(20)   NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    pages_fetched   integer       NOT NULL DEFAULT 0 CHECK (pages_fetched >= 0),
    templates_seen  integer       NOT NULL DEFAULT 0 CHECK (templates_seen >= 0),
    changes_applied integer       NOT NULL DEFAULT 0 CHECK (changes_applied >= 0),
    errors          text[]        NOT NULL DEFAULT '{}',
    started_at      timestamptz   NOT NULL,
    heartbeat_at    timestamptz   NOT NULL,
    finished_at     timestamptz,
    PRIMARY KEY (organization_id, id),
    CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);

-- Keyed by WABA alone, like whatsapp_accounts: a WABA belongs to exactly one organisation.
CREATE UNIQUE INDEX sync_jobs_one_running ON sync_jobs (waba_id) WHERE status = 'RUNNING';
CREATE INDEX sync_jobs_by_waba ON sync_jobs (waba_id, started_at);
CREATE UNIQUE INDEX sync_jobs_by_id ON sync_jobs (id);
