package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.ORGANIZATIONS;

import dev.warden.adapters.persistence.jooq.tables.records.OrganizationsRecord;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: organisations in PostgreSQL. */
@Singleton
public final class JooqOrganizationRepository implements OrganizationRepository {

    /** Read by every inbox batch (its organisation's auto-resume setting): rendered once. */
    private static final PreparedSql FIND_BY_ID = PreparedSql.of(DSL.selectFrom(ORGANIZATIONS)
            .where(ORGANIZATIONS.ID.eq(DSL.param("i", ORGANIZATIONS.ID))));

    private final DSLContext dsl;

    public JooqOrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(Organization organization) {
        dsl.insertInto(ORGANIZATIONS)
                .set(ORGANIZATIONS.ID, organization.id().value())
                .set(ORGANIZATIONS.NAME, organization.name())
                .set(ORGANIZATIONS.AUTO_RESUME_CAMPAIGNS, organization.autoResumeCampaigns())
                .set(ORGANIZATIONS.CREATED_AT, Times.toDb(organization.createdAt()))
                .execute();
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        return FIND_BY_ID.fetch(dsl, ORGANIZATIONS, id.value()).stream().findFirst()
                .map(JooqOrganizationRepository::toDomain);
    }

    @Override
    public Page<Organization> findAll(PageRequest page) {
        return new Page<>(dsl.selectFrom(ORGANIZATIONS).orderBy(ORGANIZATIONS.NAME, ORGANIZATIONS.ID)
                .limit(page.size()).offset(page.offset()).fetch().map(JooqOrganizationRepository::toDomain),
                page.page(), page.size(), dsl.fetchCount(ORGANIZATIONS));
    }

    private static Organization toDomain(OrganizationsRecord r) {
        return new Organization(new OrganizationId(r.getId()), r.getName(), r.getAutoResumeCampaigns(),
                Times.fromDb(r.getCreatedAt()));
    }
}
