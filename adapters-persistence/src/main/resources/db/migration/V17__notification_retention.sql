-- Retention of sent notifications (issue 10): the purge deletes SENT notifications by age, oldest
-- first, in small batches; their attempts go with them (ON DELETE CASCADE).
CREATE INDEX notifications_sent ON notifications (updated_at) WHERE status = 'SENT';
