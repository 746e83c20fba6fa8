package dev.warden.adapters.persistence;

import dev.warden.application.port.out.SendStatistics;
import dev.warden.domain.sending.SendCount;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.StatsPeriod;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Persistence adapter: send counts in one grouped query over an organisation's customer sends of a
 * period (V20 {@code notifications_sends_by_time}), each joined to its status reports by primary key.
 */
@Singleton
public final class JooqSendStatistics implements SendStatistics {

    private static final String COUNT = """
            SELECT (n.created_at AT TIME ZONE 'UTC')::date AS day,
                   n.outbound -> 'template' ->> 'name' AS template,
                   n.outbound ->> 'provider' AS provider,
                   d.pricing_category AS category,
                   count(*) FILTER (WHERE n.status IN ('QUEUED', 'SENDING')) AS queued,
                   count(*) FILTER (WHERE n.status = 'RETRYING') AS retrying,
                   count(*) FILTER (WHERE n.status = 'SENT') AS sent,
                   count(*) FILTER (WHERE n.status IN ('FAILED', 'DEAD')) AS failed,
                   count(*) FILTER (WHERE n.status = 'SKIPPED') AS skipped,
                   count(*) FILTER (WHERE d.delivered_at IS NOT NULL OR d.read_at IS NOT NULL) AS delivered,
                   count(*) FILTER (WHERE d.read_at IS NOT NULL) AS read,
                   count(*) FILTER (WHERE d.failed_at IS NOT NULL AND d.delivered_at IS NULL
                                      AND d.read_at IS NULL) AS undelivered
            FROM notifications n
            LEFT JOIN send_deliveries d ON d.organization_id = n.organization_id AND d.notification_id = n.id
            WHERE n.organization_id = ? AND n.outbound IS NOT NULL AND n.created_at >= CAST(? AS timestamptz)
              AND n.created_at < CAST(? AS timestamptz)
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2 NULLS LAST, 3, 4 NULLS LAST
            """;

    private final DSLContext dsl;

    public JooqSendStatistics(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<SendCount> count(OrganizationId organizationId, StatsPeriod period) {
        return dsl.resultQuery(COUNT, organizationId.value(), period.start().toString(), period.end().toString())
                .fetch(r -> new SendCount(r.get("day", LocalDate.class), Optional.ofNullable(r.get("template",
                        String.class)), SendProvider.valueOf(r.get("provider", String.class)),
                        Optional.ofNullable(r.get("category", String.class)), r.get("queued", Long.class),
                        r.get("retrying", Long.class), r.get("sent", Long.class), r.get("failed", Long.class),
                        r.get("skipped", Long.class), r.get("delivered", Long.class), r.get("read", Long.class), r.get("undelivered", Long.class)));
    }
}
