-- Campaign sends (issue 11 §5, docs/adr/0016): a campaign's send to one recipient is a notification of the
-- outbox (V12, V18) with the campaign as its cause. The dispatchers claim a campaign's sends only while the
-- campaign is RUNNING, a few at a time (the campaign rate), apart from alerts and transactional sends.

ALTER TABLE notifications ADD COLUMN campaign_id uuid;
-- MATCH SIMPLE: a notification of no campaign (NULL) is not checked.
ALTER TABLE notifications ADD CONSTRAINT notifications_campaign
    FOREIGN KEY (organization_id, campaign_id) REFERENCES campaigns (organization_id, id);

-- SKIPPED: Warden did not send it, by its own rule, before any provider call (a campaign recipient who opted
-- out of marketing, in a cool-down, or a stopped WABA). HELD is never stored: it is a waiting send of a
-- campaign that is not RUNNING, read from the campaign's status.
ALTER TABLE notifications DROP CONSTRAINT notifications_status;
ALTER TABLE notifications ADD CONSTRAINT notifications_status
    CHECK (status IN ('QUEUED', 'SENDING', 'RETRYING', 'SENT', 'FAILED', 'DEAD', 'SKIPPED'));

-- The claim has two parts. Alerts and transactional sends by due time, from an index without the campaign
-- sends, so a held or rate-limited campaign backlog of any size is never walked by it:
DROP INDEX notifications_due;
CREATE INDEX notifications_due ON notifications (next_attempt_at)
    WHERE status IN ('QUEUED', 'RETRYING', 'SENDING') AND campaign_id IS NULL;
-- and each RUNNING campaign's due sends, oldest first, from an index per campaign:
CREATE INDEX notifications_due_of_campaign ON notifications (organization_id, campaign_id, next_attempt_at)
    WHERE status IN ('QUEUED', 'RETRYING', 'SENDING') AND campaign_id IS NOT NULL;
-- The running campaigns the claim starts from, however many finished ones the table keeps.
CREATE INDEX campaigns_running ON campaigns (organization_id, id) WHERE status = 'RUNNING';
-- A campaign's progress: its sends counted by status.
CREATE INDEX notifications_of_campaign ON notifications (organization_id, campaign_id, status)
    WHERE campaign_id IS NOT NULL;

-- Whom a campaign sends from, fixed by its first recipients: META with a business phone number of the
-- template's WABA, or MYOPERATOR from the deployment's configured number (as an event mapping, V18).
ALTER TABLE campaigns ADD COLUMN send_provider varchar(20), ADD COLUMN send_phone_number_id varchar(32),
    ADD CONSTRAINT campaigns_send_provider CHECK (send_provider IN ('MYOPERATOR', 'META')),
    ADD CONSTRAINT campaigns_send_number CHECK (send_provider IS NULL AND send_phone_number_id IS NULL
        OR send_provider = 'META' AND send_phone_number_id IS NOT NULL
        OR send_provider = 'MYOPERATOR' AND send_phone_number_id IS NULL);
