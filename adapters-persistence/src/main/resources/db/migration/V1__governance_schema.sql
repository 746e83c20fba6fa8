-- Warden's schema. Tenant tables lead every key and index with organization_id, so the schema can be
-- distributed by tenant (e.g. Citus) unchanged. Exceptions, each a small routing or platform table:
-- organizations itself, users (login by username), whatsapp_accounts (the WABA routing table, whose
-- waba_id is unique across tenants), the webhook inbox (written before a delivery is routed) and
-- instance_settings.

CREATE TABLE organizations (
    id                    uuid         PRIMARY KEY,
    name                  varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    auto_resume_campaigns boolean      NOT NULL DEFAULT true,
    created_at            timestamptz  NOT NULL
);

CREATE TABLE users (
    id              uuid         PRIMARY KEY,
    organization_id uuid         REFERENCES organizations (id),
    username        varchar(64)  NOT NULL UNIQUE,
    password_hash   varchar(512) NOT NULL,
    role            varchar(20)  NOT NULL CHECK (role IN ('SUPER_ADMIN', 'ORG_ADMIN', 'VIEWER')),
    created_at      timestamptz  NOT NULL,
    CHECK (role = 'SUPER_ADMIN' OR organization_id IS NOT NULL)
);

CREATE TABLE whatsapp_accounts (
    organization_id uuid         NOT NULL REFERENCES organizations (id),
    waba_id         varchar(32)  NOT NULL CHECK (waba_id ~ '^[0-9]+$'),
    name            varchar(200) NOT NULL,
    registered_at   timestamptz  NOT NULL,
    PRIMARY KEY (organization_id, waba_id)
);
-- A WABA belongs to exactly one organisation.
CREATE UNIQUE INDEX whatsapp_accounts_waba_once ON whatsapp_accounts (waba_id);

CREATE TABLE templates (
    organization_id               uuid          NOT NULL REFERENCES organizations (id),
    id                            uuid          NOT NULL,
    waba_id                       varchar(32)   NOT NULL,
    meta_template_id              varchar(32)   CHECK (meta_template_id ~ '^[0-9]+$'),
    name                          varchar(512)  NOT NULL,
    language                      varchar(20)   NOT NULL,
    category                      varchar(20)   NOT NULL,
    status                        varchar(30)   NOT NULL,
    quality                       varchar(10)   NOT NULL,
    flagged                       boolean       NOT NULL,
    flag_disable_date             text,
    pause_count                   integer       NOT NULL CHECK (pause_count >= 0),
    pause_title                   text,
    pause_description             text,
    paused_at                     timestamptz,
    rejection_reason              text,
    rejection_recommendation      text,
    has_rejection                 boolean       NOT NULL,
    pending_category              varchar(20),
    pending_category_effective_at timestamptz,
    allow_category_change         boolean       NOT NULL,
    status_before_archive         varchar(30),
    content                       jsonb,
    current_version               integer       NOT NULL CHECK (current_version >= 0),
    approved_edits                timestamptz[] NOT NULL,
    last_status_at                timestamptz,
    last_quality_at               timestamptz,
    last_category_at              timestamptz,
    last_content_at               timestamptz,
    created_at                    timestamptz   NOT NULL,
    updated_at                    timestamptz   NOT NULL,
    revision                      bigint        NOT NULL,
    PRIMARY KEY (organization_id, id)
);
-- Meta's identity of a template: (WABA, template id). Drafts have no Meta id yet.
CREATE UNIQUE INDEX templates_meta_key ON templates (organization_id, waba_id, meta_template_id)
    WHERE meta_template_id IS NOT NULL;
CREATE INDEX templates_by_name ON templates (organization_id, name, language);
CREATE INDEX templates_by_status ON templates (organization_id, status);

CREATE TABLE template_versions (
    organization_id uuid         NOT NULL,
    template_id     uuid         NOT NULL,
    number          integer      NOT NULL CHECK (number >= 1),
    category        varchar(20)  NOT NULL,
    content         jsonb        NOT NULL,
    author          varchar(100) NOT NULL,
    note            text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (organization_id, template_id, number),
    FOREIGN KEY (organization_id, template_id) REFERENCES templates (organization_id, id)
);

CREATE TABLE template_history (
    organization_id uuid        NOT NULL,
    template_id     uuid        NOT NULL,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    kind            varchar(20) NOT NULL,
    source          varchar(20) NOT NULL,
    event           text        NOT NULL,
    previous        text,
    current         text,
    reason          text,
    stale           boolean     NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    details         jsonb       NOT NULL,
    PRIMARY KEY (organization_id, template_id, seq),
    FOREIGN KEY (organization_id, template_id) REFERENCES templates (organization_id, id)
);

CREATE TABLE quality_history (
    organization_id uuid        NOT NULL,
    template_id     uuid        NOT NULL,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    rating          varchar(10) NOT NULL,
    observed_at     timestamptz NOT NULL,
    source          varchar(20) NOT NULL,
    PRIMARY KEY (organization_id, template_id, seq),
    FOREIGN KEY (organization_id, template_id) REFERENCES templates (organization_id, id)
);
CREATE INDEX quality_history_by_time ON quality_history (organization_id, template_id, observed_at);

CREATE TABLE campaigns (
    organization_id uuid         NOT NULL,
    id              uuid         NOT NULL,
    name            varchar(200) NOT NULL,
    template_id     uuid         NOT NULL,
    status          varchar(20)  NOT NULL CHECK (status IN ('DRAFT', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    pause_reason    varchar(40),
    paused_by_kind  varchar(10)  CHECK (paused_by_kind IN ('SYSTEM', 'USER')),
    paused_by_user  varchar(64),
    paused_at       timestamptz,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    revision        bigint       NOT NULL,
    PRIMARY KEY (organization_id, id),
    FOREIGN KEY (organization_id, template_id) REFERENCES templates (organization_id, id),
    CHECK ((status = 'PAUSED') = (pause_reason IS NOT NULL))
);
-- The set-based pause and resume of a template's campaigns.
CREATE INDEX campaigns_by_template ON campaigns (organization_id, template_id, status);

CREATE TABLE alerts (
    organization_id uuid         NOT NULL REFERENCES organizations (id),
    id              uuid         NOT NULL,
    type            varchar(40)  NOT NULL,
    severity        varchar(10)  NOT NULL,
    subject_kind    varchar(20)  NOT NULL,
    subject_key     varchar(100) NOT NULL,
    message         text         NOT NULL,
    details         jsonb        NOT NULL,
    state           varchar(20)  NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    count           integer      NOT NULL CHECK (count >= 1),
    created_at      timestamptz  NOT NULL,
    last_raised_at  timestamptz  NOT NULL,
    acknowledged_by varchar(64),
    acknowledged_at timestamptz,
    resolved_at     timestamptz,
    revision        bigint       NOT NULL,
    PRIMARY KEY (organization_id, id)
);
-- One unresolved alert per cause; a repeat bumps its count instead.
CREATE UNIQUE INDEX alerts_one_unresolved ON alerts (organization_id, subject_kind, subject_key, type)
    WHERE state <> 'RESOLVED';
CREATE INDEX alerts_by_state ON alerts (organization_id, state, last_raised_at);

CREATE TABLE customer_service_windows (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    phone_number_id varchar(32) NOT NULL,
    customer_wa_id  varchar(32) NOT NULL,
    last_inbound_at timestamptz NOT NULL,
    closed_at       timestamptz,
    PRIMARY KEY (organization_id, phone_number_id, customer_wa_id)
);

-- Meta's webhook deliveries, stored byte for byte before they are routed to an organisation.
CREATE TABLE webhook_deliveries (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL,
    body        bytea       NOT NULL,
    signature   varchar(100),
    state       varchar(20) NOT NULL CHECK (state IN ('RECEIVED', 'SPLIT', 'MALFORMED')),
    error       text
);
CREATE INDEX webhook_deliveries_to_split ON webhook_deliveries (id) WHERE state = 'RECEIVED';

-- One row per change of a delivery, keyed by a hash of its content (Meta sends no event id).
CREATE TABLE webhook_changes (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id     bigint      NOT NULL REFERENCES webhook_deliveries (id),
    idempotency_key varchar(64) NOT NULL UNIQUE,
    waba_id         varchar(64),
    field           varchar(100),
    entry_time      timestamptz,
    payload         jsonb       NOT NULL,
    organization_id uuid        REFERENCES organizations (id),
    state           varchar(20) NOT NULL CHECK (state IN ('PENDING', 'DONE', 'IGNORED', 'UNROUTABLE', 'DEAD')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    processed_at    timestamptz
);
CREATE INDEX webhook_changes_due ON webhook_changes (next_attempt_at) WHERE state = 'PENDING';

-- Transactional sends and alert deliveries waiting to go out, exactly once per idempotency key.
CREATE TABLE notification_outbox (
    organization_id uuid         NOT NULL REFERENCES organizations (id),
    id              uuid         NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    kind            varchar(40)  NOT NULL,
    payload         jsonb        NOT NULL,
    state           varchar(20)  NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    PRIMARY KEY (organization_id, id),
    UNIQUE (organization_id, idempotency_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE state = 'PENDING';

-- Cluster-wide locks for scheduled jobs (ShedLock's table).
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- Installation-wide settings Warden generates for itself, such as the JWT secret of an embedded database.
CREATE TABLE instance_settings (
    name       varchar(100) PRIMARY KEY,
    value      text         NOT NULL,
    created_at timestamptz  NOT NULL
);
