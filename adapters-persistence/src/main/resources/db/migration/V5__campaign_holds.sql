-- Campaign holds (ADR 0008): a campaign carries a set of holds, one per cause; once started it runs
-- only while the set is empty. campaigns.status stays, kept by the same statements that change holds,
-- so "which campaigns are running" needs no join.

CREATE TABLE campaign_holds (
    organization_id uuid        NOT NULL,
    campaign_id     uuid        NOT NULL,
    cause           varchar(30) NOT NULL CHECK (cause IN ('TEMPLATE_STATUS', 'CATEGORY_CHANGE', 'MANUAL', 'AWAITING_RESUME')),
    detail          varchar(100),
    held_by         varchar(64),
    since           timestamptz NOT NULL,
    PRIMARY KEY (organization_id, campaign_id, cause),
    FOREIGN KEY (organization_id, campaign_id) REFERENCES campaigns (organization_id, id),
    CHECK ((cause = 'MANUAL') = (held_by IS NOT NULL))
);

CREATE TABLE campaign_hold_history (
    organization_id uuid        NOT NULL,
    campaign_id     uuid        NOT NULL,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    cause           varchar(30) NOT NULL,
    action          varchar(10) NOT NULL CHECK (action IN ('PLACED', 'UPDATED', 'LIFTED')),
    detail          varchar(100),
    actor           varchar(64),
    at              timestamptz NOT NULL,
    PRIMARY KEY (organization_id, campaign_id, seq),
    FOREIGN KEY (organization_id, campaign_id) REFERENCES campaigns (organization_id, id)
);

-- A template Meta recategorised against its policy waits for a person's consent; the open alert was
-- the only record of that so far.
ALTER TABLE templates ADD COLUMN awaiting_category_consent boolean NOT NULL DEFAULT false;
UPDATE templates t SET awaiting_category_consent = true
WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.organization_id = t.organization_id AND a.type = 'CATEGORY_CHANGED'
              AND a.state = 'OPEN' AND a.subject_kind = 'TEMPLATE' AND a.subject_key = t.id::text);

-- Holds from today's facts, not from the one reason a campaign kept (which missed second causes):
-- a person's pause stays theirs;
INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
SELECT organization_id, id, 'MANUAL', NULL, coalesce(paused_by_user, 'unknown'), coalesce(paused_at, updated_at)
FROM campaigns WHERE status = 'PAUSED' AND pause_reason = 'MANUAL';
-- every open campaign of a template that cannot be sent is held for its status (the default policy);
INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
SELECT c.organization_id, c.id, 'TEMPLATE_STATUS', t.status, NULL,
       CASE WHEN c.pause_reason LIKE 'TEMPLATE\_%' THEN coalesce(c.paused_at, c.updated_at) ELSE t.updated_at END
FROM campaigns c JOIN templates t ON t.organization_id = c.organization_id AND t.id = c.template_id
WHERE c.status IN ('DRAFT', 'RUNNING', 'PAUSED') AND t.status NOT IN ('APPROVED', 'DRAFT');
-- every open campaign of a template awaiting consent is held for the category change;
INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
SELECT c.organization_id, c.id, 'CATEGORY_CHANGE', NULL, NULL,
       CASE WHEN c.pause_reason = 'CATEGORY_CHANGED' THEN coalesce(c.paused_at, c.updated_at) ELSE t.updated_at END
FROM campaigns c JOIN templates t ON t.organization_id = c.organization_id AND t.id = c.template_id
WHERE c.status IN ('DRAFT', 'RUNNING', 'PAUSED') AND t.awaiting_category_consent;
-- a campaign Warden paused whose causes have all cleared waits for a person where the organisation
-- resumes by hand, and runs again elsewhere (a consent given while the template could not be sent
-- was used up before: it counts now).
INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
SELECT c.organization_id, c.id, 'AWAITING_RESUME', NULL, NULL, coalesce(c.paused_at, c.updated_at)
FROM campaigns c JOIN organizations o ON o.id = c.organization_id
WHERE c.status = 'PAUSED' AND NOT o.auto_resume_campaigns
  AND NOT EXISTS (SELECT 1 FROM campaign_holds h WHERE h.organization_id = c.organization_id AND h.campaign_id = c.id);
-- The old rule "PAUSED exactly when a reason is set" goes with the reason.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_check;
UPDATE campaigns c SET status = 'RUNNING', revision = revision + 1
WHERE c.status = 'PAUSED'
  AND NOT EXISTS (SELECT 1 FROM campaign_holds h WHERE h.organization_id = c.organization_id AND h.campaign_id = c.id);
UPDATE campaigns c SET status = 'PAUSED', revision = revision + 1
WHERE c.status = 'RUNNING'
  AND EXISTS (SELECT 1 FROM campaign_holds h WHERE h.organization_id = c.organization_id AND h.campaign_id = c.id);

ALTER TABLE campaigns DROP COLUMN pause_reason, DROP COLUMN paused_by_kind, DROP COLUMN paused_by_user,
    DROP COLUMN paused_at;

-- The kind of Meta's last pause (quality or pacing), and the clock of the FLAGGED marker, which ran
-- on the status clock until now.
ALTER TABLE templates ADD COLUMN pause_kind varchar(20);
UPDATE templates SET pause_kind = CASE pause_title WHEN 'FIRST_PAUSE' THEN 'FIRST' WHEN 'SECOND_PAUSE' THEN 'SECOND'
    WHEN 'RATE_LIMITING_PAUSE' THEN 'RATE_LIMITING' ELSE 'UNSPECIFIED' END
WHERE paused_at IS NOT NULL;
ALTER TABLE templates ADD COLUMN last_marker_at timestamptz;
UPDATE templates SET last_marker_at = last_status_at;
