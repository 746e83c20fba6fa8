-- The installation itself as an organisation: platform-level alerts (a webhook for a WABA nobody
-- registered) belong to it, so alerts keep organization_id as their leading key. Only super
-- admins see it.
INSERT INTO organizations (id, name, auto_resume_campaigns, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'Warden installation', false, now());

-- What the inbox knows about a change before it is routed, and what happened to it.
ALTER TABLE webhook_changes ADD COLUMN object_type varchar(100);
ALTER TABLE webhook_changes ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE webhook_changes ADD COLUMN outcome text;

-- Changes waiting for their WABA to be registered.
CREATE INDEX webhook_changes_unroutable ON webhook_changes (waba_id) WHERE state = 'UNROUTABLE';
CREATE INDEX webhook_changes_dead ON webhook_changes (id) WHERE state = 'DEAD';
