-- The retention job deletes settled changes by age, then deliveries left without changes.
CREATE INDEX webhook_changes_settled ON webhook_changes (processed_at) WHERE state IN ('DONE', 'IGNORED');
CREATE INDEX webhook_changes_by_delivery ON webhook_changes (delivery_id);
CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);
