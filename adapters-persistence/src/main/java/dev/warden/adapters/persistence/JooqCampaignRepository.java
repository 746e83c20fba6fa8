package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGNS;

import dev.warden.adapters.persistence.jooq.tables.records.CampaignsRecord;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.PauseReason;
import dev.warden.domain.campaign.PausedBy;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: campaigns. The fan-out to all campaigns of a template is one UPDATE each way,
 * mirroring {@link Campaign#pauseForTemplate} and {@link Campaign#resumeForTemplate} (held together
 * by the repository contract).
 */
@Singleton
public final class JooqCampaignRepository implements CampaignRepository {

    private final DSLContext dsl;

    public JooqCampaignRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(Campaign campaign) {
        dsl.executeInsert(toRecord(campaign.snapshot()));
    }

    @Override
    public void update(Campaign campaign) {
        CampaignSnapshot s = campaign.snapshot();
        int updated = dsl.update(CAMPAIGNS)
                .set(CAMPAIGNS.STATUS, s.status().name())
                .set(CAMPAIGNS.PAUSE_REASON, s.pauseReason().map(Enum::name).orElse(null))
                .set(CAMPAIGNS.PAUSED_BY_KIND, s.pausedBy().map(by -> by.kind().name()).orElse(null))
                .set(CAMPAIGNS.PAUSED_BY_USER, s.pausedBy().map(PausedBy::username).orElse(null))
                .set(CAMPAIGNS.PAUSED_AT, Times.toDb(s.pausedAt().orElse(null)))
                .set(CAMPAIGNS.UPDATED_AT, Times.toDb(s.updatedAt()))
                .set(CAMPAIGNS.REVISION, CAMPAIGNS.REVISION.plus(1))
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(s.organizationId().value()), CAMPAIGNS.ID.eq(s.id().value()),
                        CAMPAIGNS.REVISION.eq(s.revision()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentModification("campaign", s.id(), s.revision());
        }
    }

    @Override
    public Optional<Campaign> findById(OrganizationId organizationId, CampaignId id) {
        return dsl.selectFrom(CAMPAIGNS)
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()), CAMPAIGNS.ID.eq(id.value()))
                .fetchOptional().map(r -> Campaign.reconstitute(toSnapshot(r)));
    }

    @Override
    public Optional<OrganizationId> ownerOf(CampaignId id) {
        return dsl.select(CAMPAIGNS.ORGANIZATION_ID).from(CAMPAIGNS).where(CAMPAIGNS.ID.eq(id.value()))
                .fetchOptional(r -> new OrganizationId(r.value1()));
    }

    @Override
    public List<CampaignEvent.Paused> pauseRunningUsing(OrganizationId organizationId, TemplateId templateId,
                                                        PauseReason reason, Instant now) {
        return dsl.update(CAMPAIGNS)
                .set(CAMPAIGNS.STATUS, CampaignStatus.PAUSED.name())
                .set(CAMPAIGNS.PAUSE_REASON, reason.name())
                .set(CAMPAIGNS.PAUSED_BY_KIND, PausedBy.Kind.SYSTEM.name())
                .setNull(CAMPAIGNS.PAUSED_BY_USER)
                .set(CAMPAIGNS.PAUSED_AT, Times.toDb(now))
                .set(CAMPAIGNS.UPDATED_AT, Times.toDb(now))
                .set(CAMPAIGNS.REVISION, CAMPAIGNS.REVISION.plus(1))
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()),
                        CAMPAIGNS.TEMPLATE_ID.eq(templateId.value()),
                        CAMPAIGNS.STATUS.eq(CampaignStatus.RUNNING.name()))
                .returning(CAMPAIGNS.ID)
                .fetch(r -> new CampaignEvent.Paused(organizationId, new CampaignId(r.getId()), templateId, reason,
                        PausedBy.SYSTEM, now));
    }

    @Override
    public List<CampaignEvent.Resumed> resumePausedBySystem(OrganizationId organizationId, TemplateId templateId,
                                                            Set<PauseReason> reasons, Instant now) {
        return dsl.update(CAMPAIGNS)
                .set(CAMPAIGNS.STATUS, CampaignStatus.RUNNING.name())
                .setNull(CAMPAIGNS.PAUSE_REASON)
                .setNull(CAMPAIGNS.PAUSED_BY_KIND)
                .setNull(CAMPAIGNS.PAUSED_BY_USER)
                .setNull(CAMPAIGNS.PAUSED_AT)
                .set(CAMPAIGNS.UPDATED_AT, Times.toDb(now))
                .set(CAMPAIGNS.REVISION, CAMPAIGNS.REVISION.plus(1))
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()),
                        CAMPAIGNS.TEMPLATE_ID.eq(templateId.value()),
                        CAMPAIGNS.STATUS.eq(CampaignStatus.PAUSED.name()),
                        CAMPAIGNS.PAUSED_BY_KIND.eq(PausedBy.Kind.SYSTEM.name()),
                        CAMPAIGNS.PAUSE_REASON.in(reasons.stream().map(Enum::name).toList()))
                .returning(CAMPAIGNS.ID)
                .fetch(r -> new CampaignEvent.Resumed(organizationId, new CampaignId(r.getId()), templateId, true, now));
    }

    @Override
    public Page<CampaignSnapshot> list(Optional<OrganizationId> organizationId, Optional<TemplateId> templateId,
                                       PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        organizationId.ifPresent(org -> conditions.add(CAMPAIGNS.ORGANIZATION_ID.eq(org.value())));
        templateId.ifPresent(id -> conditions.add(CAMPAIGNS.TEMPLATE_ID.eq(id.value())));
        Condition where = DSL.and(conditions);
        return new Page<>(dsl.selectFrom(CAMPAIGNS).where(where).orderBy(CAMPAIGNS.CREATED_AT.desc(), CAMPAIGNS.ID)
                .limit(page.size()).offset(page.offset()).fetch().map(JooqCampaignRepository::toSnapshot),
                page.page(), page.size(), dsl.fetchCount(CAMPAIGNS, where));
    }

    private static CampaignsRecord toRecord(CampaignSnapshot s) {
        CampaignsRecord r = new CampaignsRecord();
        r.setOrganizationId(s.organizationId().value());
        r.setId(s.id().value());
        r.setName(s.name());
        r.setTemplateId(s.templateId().value());
        r.setStatus(s.status().name());
        r.setPauseReason(s.pauseReason().map(Enum::name).orElse(null));
        r.setPausedByKind(s.pausedBy().map(by -> by.kind().name()).orElse(null));
        r.setPausedByUser(s.pausedBy().map(PausedBy::username).orElse(null));
        r.setPausedAt(Times.toDb(s.pausedAt().orElse(null)));
        r.setCreatedAt(Times.toDb(s.createdAt()));
        r.setUpdatedAt(Times.toDb(s.updatedAt()));
        r.setRevision(s.revision());
        return r;
    }

    private static CampaignSnapshot toSnapshot(CampaignsRecord r) {
        Optional<PausedBy> pausedBy = Optional.ofNullable(r.getPausedByKind())
                .map(kind -> new PausedBy(PausedBy.Kind.valueOf(kind), r.getPausedByUser()));
        return new CampaignSnapshot(new CampaignId(r.getId()), new OrganizationId(r.getOrganizationId()), r.getName(),
                new TemplateId(r.getTemplateId()), CampaignStatus.valueOf(r.getStatus()),
                Optional.ofNullable(r.getPauseReason()).map(PauseReason::valueOf), pausedBy,
                Optional.ofNullable(Times.fromDb(r.getPausedAt())), Times.fromDb(r.getCreatedAt()),
                Times.fromDb(r.getUpdatedAt()), r.getRevision());
    }
}
