-- Notifications (issue 10): an outbox of messages to people, each stored in the transaction of the
-- alert that caused it, claimed by dispatchers with SKIP LOCKED, sent outside any transaction, then
-- recorded (docs/adr/0011). Every key and index leads with the organisation.

CREATE TABLE notification_preferences (
    organization_id uuid        NOT NULL PRIMARY KEY REFERENCES organizations (id),
    document        jsonb       NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE notifications (
    organization_id     uuid         NOT NULL REFERENCES organizations (id),
    id                  uuid         NOT NULL,
    alert_id            uuid,
    -- The cause, the channel and the recipient: the same notice is stored once however often its
    -- transaction or a scheduler runs.
    dedupe_key          text         NOT NULL,
    channel             varchar(20)  NOT NULL,
    recipient           text         NOT NULL,
    message             jsonb        NOT NULL,
    status              varchar(20)  NOT NULL,
    attempts            integer      NOT NULL DEFAULT 0,
    max_attempts        integer      NOT NULL,
    created_at          timestamptz  NOT NULL,
    -- When a queued or retrying notification is due, or when a SENDING claim expires.
    next_attempt_at     timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    last_error          text,
    provider_message_id text,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, dedupe_key),
    CONSTRAINT notifications_status CHECK (status IN ('QUEUED', 'SENDING', 'RETRYING', 'SENT', 'FAILED', 'DEAD'))
);

-- A super admin names a notification by id alone.
CREATE UNIQUE INDEX notifications_id ON notifications (id);
-- The dispatchers' claim: only unsettled rows, by due time. Small while the outbox keeps up.
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING', 'SENDING');
-- History and health, newest first within an organisation.
CREATE INDEX notifications_by_time ON notifications (organization_id, created_at DESC, id);
CREATE INDEX notifications_by_channel ON notifications (organization_id, channel, status, updated_at DESC);

CREATE TABLE notification_attempts (
    organization_id     uuid        NOT NULL,
    notification_id     uuid        NOT NULL,
    seq                 bigint      GENERATED ALWAYS AS IDENTITY,
    -- The notification's attempt count when this try started; a replay counts on from there.
    number              integer     NOT NULL,
    at                  timestamptz NOT NULL,
    result              varchar(20) NOT NULL,
    error               text,
    provider_message_id text,
    PRIMARY KEY (organization_id, notification_id, seq),
    FOREIGN KEY (organization_id, notification_id) REFERENCES notifications (organization_id, id) ON DELETE CASCADE
);
