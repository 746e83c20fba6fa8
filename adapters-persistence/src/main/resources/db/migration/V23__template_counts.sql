-- The summary of Meta's template list, as the WABA's latest reconciliation read it: how many templates
-- the WABA has against how many Meta allows it (250 or 6,000, set by Meta per portfolio, so it is kept
-- rather than assumed). NULL until a reconciliation read a summary; the dashboard's Accounts view shows it.
ALTER TABLE whatsapp_accounts
    ADD COLUMN template_count    bigint CHECK (template_count >= 0),
    ADD COLUMN template_limit    bigint CHECK (template_limit >= 0),
    ADD COLUMN templates_counted_at timestamptz,
    ADD CONSTRAINT whatsapp_accounts_template_summary
        CHECK ((template_count IS NULL) = (template_limit IS NULL)
           AND (template_count IS NULL) = (templates_counted_at IS NULL));
