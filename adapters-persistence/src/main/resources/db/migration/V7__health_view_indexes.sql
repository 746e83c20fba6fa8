-- The health views (GET /api/v1/templates/critical, /quality-summary) answer from indexes alone for an
-- organisation with 10,000 templates among millions (docs/benchmarks.md).

-- The critical list: only templates that can be critical, with every column the rule and the order read,
-- so counting and ordering them touches no table page. The predicate is the rule of
-- dev.warden.domain.health.CriticalReason without the time part (PENDING is narrowed at query time);
-- JooqTemplateHealth writes the same literals so PostgreSQL can prove the query implies it.
CREATE INDEX templates_critical ON templates (organization_id)
    INCLUDE (status, quality, flagged, awaiting_category_consent, last_status_at, created_at, name, language, id)
    WHERE status IN ('DISABLED', 'ARCHIVED', 'PAUSED', 'REJECTED', 'LIMIT_EXCEEDED', 'PENDING')
       OR quality = 'RED' OR flagged OR awaiting_category_consent;

-- Counts by status and quality in one index-only scan.
CREATE INDEX templates_by_status_quality ON templates (organization_id, status, quality);

-- The latest applied quality changes of an organisation.
CREATE INDEX template_history_quality_changes ON template_history (organization_id, occurred_at DESC, seq DESC)
    WHERE kind = 'QUALITY' AND NOT stale;
