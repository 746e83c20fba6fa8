package dev.warden.adapters.persistence;

import dev.warden.application.port.out.TemplateActivities;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateActivity;
import dev.warden.domain.template.TemplateId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Persistence adapter: each template's last activity in one statement. Per template, one probe of the
 * sent-by-template index (V26) for the outbox's latest send, one row of template_last_sends for the purged
 * ones, and its history by primary key for edits through Warden, appeals and unarchives.
 */
@Singleton
public final class JooqTemplateActivities implements TemplateActivities {

    // Edits reported by Meta move last_content_at; EDIT is an edit through Warden, IN_APPEAL an appeal.
    private static final String SQL = """
            SELECT t.organization_id, t.id, t.waba_id, t.name, t.language, a.last_activity, s.last_sent
              FROM templates t
              LEFT JOIN LATERAL (
                    SELECT max(x.at) AS last_sent FROM (
                        SELECT max(n.updated_at) AS at FROM notifications n
                         WHERE n.organization_id = t.organization_id AND n.status = 'SENT'
                           AND n.outbound IS NOT NULL AND (n.outbound -> 'template' ->> 'id') = t.id::text
                        UNION ALL
                        SELECT l.last_sent_at FROM template_last_sends l
                         WHERE l.organization_id = t.organization_id AND l.template_id = t.id) x) s ON true
              LEFT JOIN LATERAL (
                    SELECT max(h.occurred_at) AS at FROM template_history h
                     WHERE h.organization_id = t.organization_id AND h.template_id = t.id AND NOT h.stale
                       AND h.event IN ('EDIT', 'IN_APPEAL', 'UNARCHIVED')) h ON true
              CROSS JOIN LATERAL (
                    SELECT greatest(t.created_at, t.last_content_at, h.at, s.last_sent) AS last_activity) a
             WHERE (CAST(? AS uuid) IS NULL OR t.organization_id = CAST(? AS uuid))
               AND t.meta_template_id IS NOT NULL
               AND t.status NOT IN ('ARCHIVED', 'PENDING_DELETION', 'DELETED')
               AND a.last_activity < CAST(? AS timestamptz)
             ORDER BY a.last_activity, t.organization_id, t.id
             LIMIT CAST(? AS integer)
            """;

    private final DSLContext dsl;

    public JooqTemplateActivities(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<TemplateActivity> idleSince(Optional<OrganizationId> organizationId, Instant before, int limit) {
        UUID org = organizationId.map(OrganizationId::value).orElse(null);
        List<TemplateActivity> idle = new ArrayList<>();
        dsl.resultQuery(SQL, org, org, Times.toDb(before), limit).fetch().forEach(r -> idle.add(new TemplateActivity(
                new OrganizationId(r.get(0, UUID.class)), new TemplateId(r.get(1, UUID.class)),
                new WabaId(r.get(2, String.class)), r.get(3, String.class), r.get(4, String.class),
                Times.fromDb(r.get(5, OffsetDateTime.class)),
                Optional.ofNullable(r.get(6, OffsetDateTime.class)).map(Times::fromDb))));
        return idle;
    }
}
