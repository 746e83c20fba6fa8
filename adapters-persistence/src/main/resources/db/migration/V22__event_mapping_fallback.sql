-- A mapping may name a fallback template (issue 11 §6): sent instead while the mapped template is not
-- sendable. Same organisation, WABA and parameters are checked when the mapping is saved (TemplateChoice).
-- No foreign key, as for template_id (V18): a send whose fallback was deleted since is refused, naming it.

ALTER TABLE event_mappings ADD COLUMN fallback_template_id uuid;
ALTER TABLE event_mappings ADD CONSTRAINT event_mappings_fallback_not_primary
    CHECK (fallback_template_id IS NULL OR fallback_template_id <> template_id);
