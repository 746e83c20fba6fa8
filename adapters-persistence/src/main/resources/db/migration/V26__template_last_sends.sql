-- Archival countdowns (issue 12): Meta archives a template after 12 months without a create, edit, send,
-- appeal or unarchive, so Warden needs each template's last send. A send is a SENT notification whose
-- outbound message names its template (V18); those are purged after the notify retention (V17, 30 days by
-- default), so the purge folds each purged template's latest send into this table first.
-- No foreign key to templates, as for event_mappings.template_id (V18): a send may outlive its template.
CREATE TABLE template_last_sends (
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    template_id     uuid        NOT NULL,
    last_sent_at    timestamptz NOT NULL,
    PRIMARY KEY (organization_id, template_id)
);

-- A template's latest send still in the outbox: the newest entry of its slice, one index probe per template.
CREATE INDEX notifications_sent_by_template
    ON notifications (organization_id, ((outbound -> 'template' ->> 'id')), updated_at)
    WHERE status = 'SENT' AND outbound IS NOT NULL;
