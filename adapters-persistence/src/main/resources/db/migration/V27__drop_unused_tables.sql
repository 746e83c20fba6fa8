-- Created by V1 and never used: the outbox is `notifications` (V12), and scheduled jobs share their
-- work through row claims and advisory locks, not ShedLock. Kept tables mislead whoever reads the schema.
DROP TABLE IF EXISTS notification_outbox;
DROP TABLE IF EXISTS shedlock;
