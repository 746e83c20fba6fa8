-- Delivery reports and contact links (issue 11, docs/api-notifications.md): what Meta's status webhooks
-- say about a send after it was accepted, and which phone number and business-scoped user id are one
-- customer of a WABA.

-- One row per send Meta reported on, beside its notification (the outbox row stays the dispatchers'):
-- each state keeps the earliest time it was reported, so a redelivered or late status never moves a
-- send back (read stays read); the pricing kept is that of the latest-said status that carried one.
CREATE TABLE send_deliveries (
    organization_id  uuid        NOT NULL,
    notification_id  uuid        NOT NULL,
    delivered_at     timestamptz,
    read_at          timestamptz,
    failed_at        timestamptz,
    -- The refusal's class and Meta's error, as lastError shows a synchronous one.
    failure          text,
    pricing_model    varchar(20),
    pricing_category varchar(40),
    pricing_type     varchar(40),
    billable         boolean,
    priced_at        timestamptz,
    PRIMARY KEY (organization_id, notification_id),
    FOREIGN KEY (organization_id, notification_id) REFERENCES notifications (organization_id, id) ON DELETE CASCADE
);

-- A status names its send by Meta's message id (wamid): the webhook's organisation and that id.
CREATE INDEX notifications_by_provider_message ON notifications (organization_id, provider_message_id)
    WHERE provider_message_id IS NOT NULL AND outbound IS NOT NULL;

-- Send statistics: an organisation's customer sends by creation time.
CREATE INDEX notifications_sends_by_time ON notifications (organization_id, created_at)
    WHERE outbound IS NOT NULL;

-- A phone number's digits and a business-scoped user id a messages webhook showed together for one
-- customer of the WABA: the window and block-list checks find the contact by either.
CREATE TABLE contact_links (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    waba_id         varchar(32) NOT NULL,
    phone           varchar(32) NOT NULL,
    user_id         varchar(80) NOT NULL,
    seen_at         timestamptz NOT NULL,
    PRIMARY KEY (organization_id, waba_id, phone, user_id)
);

CREATE INDEX contact_links_by_user_id ON contact_links (organization_id, waba_id, user_id);
