-- A campaign's holds move into its own row (docs/adr/0023): a template event that holds 10,000 campaigns
-- then writes each campaign once, status and holds together, instead of the campaign, a hold row and their
-- foreign-key check. The row carries its invariant: a running or finished campaign has no holds.
-- holds: {"<cause>": {"detail": "...", "by": "<username>", "since": "<ISO-8601 instant>"}}, absent keys
-- for no detail and for Warden's holds.
ALTER TABLE campaigns ADD COLUMN holds jsonb NOT NULL DEFAULT '{}';
UPDATE campaigns c SET holds = h.holds
FROM (SELECT organization_id, campaign_id,
             jsonb_object_agg(cause, jsonb_strip_nulls(jsonb_build_object('detail', detail, 'by', held_by,
                 'since', to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))) AS holds
      FROM campaign_holds GROUP BY organization_id, campaign_id) h
WHERE c.organization_id = h.organization_id AND c.id = h.campaign_id;
DROP TABLE campaign_holds;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_hold_causes CHECK (jsonb_typeof(holds) = 'object'
    AND holds - ARRAY['TEMPLATE_STATUS', 'CATEGORY_CHANGE', 'SEND_ERROR', 'PORTFOLIO_PACING', 'MANUAL',
                      'AWAITING_RESUME'] = '{}');
-- No writer leaves a row against it, but a row that did (by hand, or a bug of old) would make every hold
-- statement touching it fail: mended first, as Campaign's rule says (a started campaign runs only without
-- holds; a finished one keeps none).
UPDATE campaigns SET status = 'PAUSED', revision = revision + 1 WHERE status = 'RUNNING' AND holds <> '{}';
UPDATE campaigns SET holds = '{}', revision = revision + 1
WHERE status IN ('COMPLETED', 'CANCELLED') AND holds <> '{}';
ALTER TABLE campaigns ADD CONSTRAINT campaigns_unheld_unless_open CHECK (status IN ('DRAFT', 'PAUSED') OR holds = '{}');
-- The hold history is an audit log, written only in the transaction that writes or locks the campaign's row
-- (campaigns are never deleted): its foreign key cost a check per row (10,000 on such an event) for a case no
-- writer can produce.
ALTER TABLE campaign_hold_history DROP CONSTRAINT campaign_hold_history_organization_id_campaign_id_fkey;
