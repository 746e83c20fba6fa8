-- The circuit breaker and portfolio pacing (ADR 0018): a send Meta refused because its template is
-- paused or disabled holds the template's campaigns (SEND_ERROR, lifted by Warden when the template
-- is APPROVED again); sends dropped as paused while the template stays APPROVED hold every campaign
-- of the WABA (PORTFOLIO_PACING, lifted only by a person). The alert type PORTFOLIO_PACING needs no
-- change: alerts.type is not constrained.
ALTER TABLE campaign_holds DROP CONSTRAINT campaign_holds_cause_check;
ALTER TABLE campaign_holds ADD CONSTRAINT campaign_holds_cause_check CHECK (cause IN ('TEMPLATE_STATUS',
    'CATEGORY_CHANGE', 'SEND_ERROR', 'PORTFOLIO_PACING', 'MANUAL', 'AWAITING_RESUME'));
