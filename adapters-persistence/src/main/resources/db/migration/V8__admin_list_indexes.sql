-- Indexes for the admin lists (issue 8): each list reads one page of one organisation in its order
-- instead of sorting all of that organisation's rows.

-- GET /templates/category-changes: an organisation's category history, newest first.
CREATE INDEX template_history_by_kind ON template_history (organization_id, kind, seq);
-- GET /alerts?templateId=: the alerts about one subject in any state, newest first.
CREATE INDEX alerts_by_subject ON alerts (organization_id, subject_kind, subject_key, last_raised_at);
-- GET /campaigns: an organisation's campaigns, newest first.
CREATE INDEX campaigns_by_creation ON campaigns (organization_id, created_at);
-- GET /organizations/{id}/users.
CREATE INDEX users_by_organization ON users (organization_id, username);
