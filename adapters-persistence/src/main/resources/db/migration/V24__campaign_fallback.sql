-- A campaign may name a fallback template (issue 11 §6, docs/adr/0020): its sends go out with it while the
-- campaign's own template is not sendable. A foreign key, as for template_id: creating a campaign then takes a
-- key-share lock on the fallback's row too, so an inbox batch that locked that template (FOR UPDATE) and asked
-- which campaigns send it cannot miss one created meanwhile (BatchCampaignHolds).
ALTER TABLE campaigns ADD COLUMN fallback_template_id uuid;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_fallback
    FOREIGN KEY (organization_id, fallback_template_id) REFERENCES templates (organization_id, id);
ALTER TABLE campaigns ADD CONSTRAINT campaigns_fallback_not_own
    CHECK (fallback_template_id IS NULL OR fallback_template_id <> template_id);
-- A template's status changes hold or release the campaigns that fall back on it as well as its own.
CREATE INDEX campaigns_by_fallback ON campaigns (organization_id, fallback_template_id, status)
    WHERE fallback_template_id IS NOT NULL;
