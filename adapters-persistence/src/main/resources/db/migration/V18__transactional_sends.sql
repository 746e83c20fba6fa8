-- Transactional sends (issue 11): a message the business sends its customer is a notification of the
-- outbox (V12) with the message it sends in `outbound`; the unique (organization_id, dedupe_key) is what
-- makes one send per idempotency key (docs/adr/0014). Mappings pick the template per business event;
-- the block list keeps the contacts a WABA must not send marketing to, and a stopped WABA.

ALTER TABLE notifications ADD COLUMN outbound jsonb;

CREATE TABLE event_mappings (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    event_type      varchar(64) NOT NULL,
    template_id     uuid        NOT NULL,
    provider        varchar(20) NOT NULL,
    phone_number_id varchar(32),
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, event_type),
    CONSTRAINT event_mappings_provider CHECK (provider IN ('MYOPERATOR', 'META')),
    CONSTRAINT event_mappings_meta_number CHECK (provider <> 'META' OR phone_number_id IS NOT NULL)
);

CREATE TABLE send_blocks (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    waba_id         varchar(32) NOT NULL,
    -- A phone number's digits or a business-scoped user id; '' blocks the whole WABA.
    contact         varchar(80) NOT NULL,
    reason          varchar(30) NOT NULL,
    -- When the block ends by itself (a cool-down); NULL until lifted.
    until           timestamptz,
    detail          text        NOT NULL,
    since           timestamptz NOT NULL,
    PRIMARY KEY (organization_id, waba_id, contact, reason),
    CONSTRAINT send_blocks_reason CHECK (reason IN ('COOL_DOWN', 'SENDING_STOPPED'))
);

-- A contact's latest word on marketing from a WABA, with when it was said: Meta redelivers webhooks out of
-- order for 7 days, so a word replaces the row only when said later (a stop wins a tie); a resume is kept
-- as a row, not a delete, or a late stop could not be told from a new one. Only OPTED_OUT rows block.
CREATE TABLE marketing_preferences (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    waba_id         varchar(32) NOT NULL,
    contact         varchar(80) NOT NULL,
    state           varchar(10) NOT NULL,
    at              timestamptz NOT NULL,
    detail          text        NOT NULL,
    PRIMARY KEY (organization_id, waba_id, contact),
    CONSTRAINT marketing_preferences_state CHECK (state IN ('OPTED_OUT', 'RESUMED'))
);
