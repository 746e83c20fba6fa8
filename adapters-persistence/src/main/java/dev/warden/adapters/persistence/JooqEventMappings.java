package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.EVENT_MAPPINGS;

import dev.warden.adapters.persistence.jooq.tables.records.EventMappingsRecord;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventMappingRepository;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Persistence adapter: event mappings (V18, fallback V22), one row per organisation and event type. */
@Singleton
public final class JooqEventMappings implements EventMappingRepository {

    private final DSLContext dsl;

    public JooqEventMappings(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void save(EventMapping m) {
        var e = EVENT_MAPPINGS;
        dsl.insertInto(e)
                .set(e.ORGANIZATION_ID, m.organizationId().value())
                .set(e.EVENT_TYPE, m.eventType().value())
                .set(e.TEMPLATE_ID, m.templateId().value())
                .set(e.PROVIDER, m.provider().name())
                .set(e.PHONE_NUMBER_ID, m.phoneNumberId().orElse(null))
                .set(e.FALLBACK_TEMPLATE_ID, m.fallbackTemplateId().map(TemplateId::value).orElse(null))
                .set(e.UPDATED_AT, Times.toDb(m.updatedAt()))
                .onConflict(e.ORGANIZATION_ID, e.EVENT_TYPE).doUpdate()
                .set(e.TEMPLATE_ID, m.templateId().value())
                .set(e.PROVIDER, m.provider().name())
                .set(e.PHONE_NUMBER_ID, m.phoneNumberId().orElse(null))
                .set(e.FALLBACK_TEMPLATE_ID, m.fallbackTemplateId().map(TemplateId::value).orElse(null))
                .set(e.UPDATED_AT, Times.toDb(m.updatedAt()))
                .execute();
    }

    @Override
    public Optional<EventMapping> find(OrganizationId organizationId, EventType eventType) {
        return dsl.selectFrom(EVENT_MAPPINGS).where(EVENT_MAPPINGS.ORGANIZATION_ID.eq(organizationId.value()),
                EVENT_MAPPINGS.EVENT_TYPE.eq(eventType.value())).fetchOptional().map(JooqEventMappings::toDomain);
    }

    @Override
    public List<EventMapping> list(OrganizationId organizationId) {
        return dsl.selectFrom(EVENT_MAPPINGS).where(EVENT_MAPPINGS.ORGANIZATION_ID.eq(organizationId.value()))
                .orderBy(EVENT_MAPPINGS.EVENT_TYPE).fetch().map(JooqEventMappings::toDomain);
    }

    @Override
    public boolean delete(OrganizationId organizationId, EventType eventType) {
        return dsl.deleteFrom(EVENT_MAPPINGS).where(EVENT_MAPPINGS.ORGANIZATION_ID.eq(organizationId.value()),
                EVENT_MAPPINGS.EVENT_TYPE.eq(eventType.value())).execute() == 1;
    }

    private static EventMapping toDomain(EventMappingsRecord r) {
        return new EventMapping(new OrganizationId(r.getOrganizationId()), new EventType(r.getEventType()),
                new TemplateId(r.getTemplateId()), SendProvider.valueOf(r.getProvider()),
                Optional.ofNullable(r.getPhoneNumberId()),
                Optional.ofNullable(r.getFallbackTemplateId()).map(TemplateId::new), Times.fromDb(r.getUpdatedAt()));
    }
}
