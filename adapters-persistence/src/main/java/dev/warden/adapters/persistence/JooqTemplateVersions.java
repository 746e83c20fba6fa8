package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATE_VERSIONS;

import dev.warden.adapters.persistence.jooq.tables.records.TemplateVersionsRecord;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Persistence adapter: immutable template versions. */
@Singleton
public final class JooqTemplateVersions implements TemplateVersionRepository {

    private final DSLContext dsl;

    public JooqTemplateVersions(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(TemplateVersion v) {
        dsl.insertInto(TEMPLATE_VERSIONS)
                .set(TEMPLATE_VERSIONS.ORGANIZATION_ID, v.organizationId().value())
                .set(TEMPLATE_VERSIONS.TEMPLATE_ID, v.templateId().value())
                .set(TEMPLATE_VERSIONS.NUMBER, v.number())
                .set(TEMPLATE_VERSIONS.CATEGORY, v.category().name())
                .set(TEMPLATE_VERSIONS.CONTENT, ContentJson.write(v.content()))
                .set(TEMPLATE_VERSIONS.AUTHOR, v.author())
                .set(TEMPLATE_VERSIONS.NOTE, v.note())
                .set(TEMPLATE_VERSIONS.CREATED_AT, Times.toDb(v.createdAt()))
                .execute();
    }

    @Override
    public Optional<TemplateVersion> find(OrganizationId organizationId, TemplateId templateId, int number) {
        return dsl.selectFrom(TEMPLATE_VERSIONS)
                .where(TEMPLATE_VERSIONS.ORGANIZATION_ID.eq(organizationId.value()),
                        TEMPLATE_VERSIONS.TEMPLATE_ID.eq(templateId.value()), TEMPLATE_VERSIONS.NUMBER.eq(number))
                .fetchOptional().map(JooqTemplateVersions::toDomain);
    }

    @Override
    public List<TemplateVersion> list(OrganizationId organizationId, TemplateId templateId) {
        return dsl.selectFrom(TEMPLATE_VERSIONS)
                .where(TEMPLATE_VERSIONS.ORGANIZATION_ID.eq(organizationId.value()),
                        TEMPLATE_VERSIONS.TEMPLATE_ID.eq(templateId.value()))
                .orderBy(TEMPLATE_VERSIONS.NUMBER).fetch().map(JooqTemplateVersions::toDomain);
    }

    private static TemplateVersion toDomain(TemplateVersionsRecord r) {
        return new TemplateVersion(new OrganizationId(r.getOrganizationId()), new TemplateId(r.getTemplateId()),
                r.getNumber(), TemplateCategory.valueOf(r.getCategory()), ContentJson.read(r.getContent()),
                r.getAuthor(), r.getNote(), Times.fromDb(r.getCreatedAt()));
    }
}
