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

-- Every paused campaign keeps what paused it, now as its one hold.
INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
SELECT organization_id, id,
       CASE WHEN pause_reason = 'MANUAL' THEN 'MANUAL'
            WHEN pause_reason = 'CATEGORY_CHANGED' THEN 'CATEGORY_CHANGE'
            ELSE 'TEMPLATE_STATUS' END,
       CASE WHEN pause_reason LIKE 'TEMPLATE\_%' THEN substr(pause_reason, 10) END,
       CASE WHEN pause_reason = 'MANUAL' THEN coalesce(paused_by_user, 'unknown') END,
       coalesce(paused_at, updated_at)
FROM campaigns
WHERE status = 'PAUSED' AND pause_reason IS NOT NULL;

ALTER TABLE campaigns DROP COLUMN pause_reason, DROP COLUMN paused_by_kind, DROP COLUMN paused_by_user,
    DROP COLUMN paused_at;

-- A template Meta recategorised against its policy waits for a person's consent; the open alert was
-- the only record of that so far.
ALTER TABLE templates ADD COLUMN awaiting_category_consent boolean NOT NULL DEFAULT false;
UPDATE templates t SET awaiting_category_consent = true
WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.organization_id = t.organization_id AND a.type = 'CATEGORY_CHANGED'
              AND a.state = 'OPEN' AND a.subject_kind = 'TEMPLATE' AND a.subject_key = t.id::text);

-- The kind of Meta's last pause (quality or pacing) and the clock of the FLAGGED marker.
ALTER TABLE templates ADD COLUMN pause_kind varchar(20);
UPDATE templates SET pause_kind = CASE pause_title WHEN 'FIRST_PAUSE' THEN 'FIRST' WHEN 'SECOND_PAUSE' THEN 'SECOND'
    WHEN 'RATE_LIMITING_PAUSE' THEN 'RATE_LIMITING' ELSE 'UNSPECIFIED' END
WHERE paused_at IS NOT NULL;
ALTER TABLE templates ADD COLUMN last_marker_at timestamptz;
