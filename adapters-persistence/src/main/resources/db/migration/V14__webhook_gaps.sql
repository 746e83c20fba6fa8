-- Changes reconciliation found that no webhook had reported: the webhook-gap detector's counts,
-- per WABA and template webhook field, and when such a change was last found.
CREATE TABLE webhook_gaps (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    waba_id         varchar(32) NOT NULL CHECK (waba_id ~ '^[0-9]+$'),
    field           varchar(20) NOT NULL CHECK (field IN ('STATUS', 'QUALITY', 'CATEGORY')),
    missed          bigint      NOT NULL CHECK (missed >= 0),
    last_missed_at  timestamptz NOT NULL,
    PRIMARY KEY (organization_id, waba_id, field)
);

-- "Last webhook received" of a WABA: the newest change of the inbox, found from the top. Keyed by
-- WABA (which belongs to one organisation) rather than organization_id, which the inbox sets when a
-- change is done: an index on it would cost every done-marking its HOT update on the intake path.
CREATE INDEX webhook_changes_latest_by_waba ON webhook_changes (waba_id, received_at);
