package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WHATSAPP_ACCOUNTS;

import dev.warden.application.port.out.TemplateCounts;
import dev.warden.domain.health.TemplateLimit;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Persistence adapter: the template count and limit of a WABA, kept on its row of whatsapp_accounts. */
@Singleton
public final class JooqTemplateCounts implements TemplateCounts {

    private final DSLContext dsl;

    public JooqTemplateCounts(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(OrganizationId organizationId, WabaId wabaId, TemplateLimit limit, Instant at) {
        dsl.update(WHATSAPP_ACCOUNTS)
                .set(WHATSAPP_ACCOUNTS.TEMPLATE_COUNT, limit.count())
                .set(WHATSAPP_ACCOUNTS.TEMPLATE_LIMIT, limit.limit())
                .set(WHATSAPP_ACCOUNTS.TEMPLATES_COUNTED_AT, Times.toDb(at))
                .where(WHATSAPP_ACCOUNTS.ORGANIZATION_ID.eq(organizationId.value()),
                        WHATSAPP_ACCOUNTS.WABA_ID.eq(wabaId.value()))
                .execute();
    }

    @Override
    public Optional<Counted> latest(OrganizationId organizationId, WabaId wabaId) {
        return dsl.select(WHATSAPP_ACCOUNTS.TEMPLATE_COUNT, WHATSAPP_ACCOUNTS.TEMPLATE_LIMIT,
                        WHATSAPP_ACCOUNTS.TEMPLATES_COUNTED_AT)
                .from(WHATSAPP_ACCOUNTS)
                .where(WHATSAPP_ACCOUNTS.ORGANIZATION_ID.eq(organizationId.value()),
                        WHATSAPP_ACCOUNTS.WABA_ID.eq(wabaId.value()),
                        WHATSAPP_ACCOUNTS.TEMPLATES_COUNTED_AT.isNotNull())
                .fetchOptional(r -> new Counted(new TemplateLimit(r.value1(), r.value2()), Times.fromDb(r.value3())));
    }
}
