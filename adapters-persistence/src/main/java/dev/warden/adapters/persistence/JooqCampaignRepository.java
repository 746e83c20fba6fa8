package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGNS;
import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGN_HOLD_HISTORY;

import dev.warden.adapters.persistence.jooq.tables.records.CampaignsRecord;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignFilter;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignSortField;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.campaign.HoldRecord;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: campaigns and their holds. Placing or lifting a hold on all campaigns of a
 * template (or of a WABA) is one statement each ({@link CampaignHoldStatements}), executing {@link Campaign#place}
 * and {@link Campaign#lift} set-based; the repository contract holds it to the aggregate's rule.
 */
@Singleton
public final class JooqCampaignRepository implements CampaignRepository {

    /**
     * Which of an inbox batch's templates open campaigns send, their own or as their fallback: read for every
     * batch, so written once, the template ids as an array. Written by hand: written with the DSL, jOOQ counted
     * two bind values for this union of four parameters, and {@link PreparedSql#of} relies on that count; the
     * repository contract (own template, fallback, another organisation) guards its column names.
     */
    private static final PreparedSql WITH_OPEN_CAMPAIGNS = PreparedSql.ofSql(
            "SELECT template_id FROM campaigns WHERE organization_id = ? AND template_id = ANY (CAST(? AS uuid[]))"
                    + " AND status IN " + CampaignHoldStatements.OPEN
                    + " UNION SELECT fallback_template_id FROM campaigns WHERE organization_id = ?"
                    + " AND fallback_template_id = ANY (CAST(? AS uuid[])) AND status IN " + CampaignHoldStatements.OPEN, 4);

    private final DSLContext dsl;

    public JooqCampaignRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(Campaign campaign) {
        CampaignSnapshot s = campaign.snapshot();
        dsl.executeInsert(toRecord(s));
        writeHistory(s.organizationId(), campaign.holdChanges());
    }

    @Override
    public void update(Campaign campaign) {
        CampaignSnapshot s = campaign.snapshot();
        int updated = dsl.update(CAMPAIGNS)
                .set(CAMPAIGNS.STATUS, s.status().name())
                .set(CAMPAIGNS.HOLDS, HoldsColumn.of(s.holds()))
                .set(CAMPAIGNS.UPDATED_AT, Times.toDb(s.updatedAt()))
                .set(CAMPAIGNS.REVISION, CAMPAIGNS.REVISION.plus(1))
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(s.organizationId().value()), CAMPAIGNS.ID.eq(s.id().value()),
                        CAMPAIGNS.REVISION.eq(s.revision()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentModification("campaign", s.id(), s.revision());
        }
        writeHistory(s.organizationId(), campaign.holdChanges());
    }

    @Override
    public Optional<Campaign> findById(OrganizationId organizationId, CampaignId id) {
        return dsl.selectFrom(CAMPAIGNS)
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()), CAMPAIGNS.ID.eq(id.value()))
                .fetchOptional()
                .map(r -> Campaign.reconstitute(toSnapshot(r)));
    }

    @Override
    public Optional<OrganizationId> ownerOf(CampaignId id) {
        return dsl.select(CAMPAIGNS.ORGANIZATION_ID).from(CAMPAIGNS).where(CAMPAIGNS.ID.eq(id.value()))
                .fetchOptional(r -> new OrganizationId(r.value1()));
    }

    @Override
    public List<CampaignEvent> placeHold(OrganizationId organizationId, TemplateId templateId, Hold hold) {
        return place(organizationId, CampaignHoldStatements.Scope.TEMPLATE, templateId.value(), hold, Map.of());
    }

    @Override
    public List<CampaignEvent> placeTemplateHold(OrganizationId organizationId, TemplateId templateId, Hold hold,
                                                 Map<TemplateId, TemplateStatus> current) {
        return place(organizationId, CampaignHoldStatements.Scope.SENDING_UNABLE, templateId.value(), hold,
                current.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(),
                        e -> e.getValue().name())));
    }

    @Override
    public List<CampaignEvent> placeHoldOnWaba(OrganizationId organizationId, WabaId wabaId, Hold hold) {
        return place(organizationId, CampaignHoldStatements.Scope.WABA, wabaId.value(), hold, Map.of());
    }

    private List<CampaignEvent> place(OrganizationId organizationId, CampaignHoldStatements.Scope scope,
                                      Object scopeKey, Hold hold, Map<UUID, String> current) {
        Instant now = hold.since();
        String detail = hold.detail().orElse(null);
        List<CampaignEvent> events = new ArrayList<>();
        for (CampaignHoldStatements.Placed r : CampaignHoldStatements.place(dsl, organizationId.value(), scope,
                scopeKey, hold.cause().name(), detail, now, current)) {
            CampaignId campaignId = new CampaignId(r.campaignId());
            TemplateId templateId = new TemplateId(r.templateId());
            Hold placed = new Hold(hold.cause(), hold.detail(), r.since(), Optional.empty());
            events.add(new CampaignEvent.HoldPlaced(organizationId, campaignId, templateId, placed, r.updated(), now));
            if (CampaignStatus.RUNNING.name().equals(r.statusBefore())) {
                events.add(new CampaignEvent.Paused(organizationId, campaignId, templateId, now));
            }
        }
        return events;
    }

    @Override
    public List<CampaignEvent> liftHold(OrganizationId organizationId, TemplateId templateId, HoldCause cause,
                                        boolean autoResume, Instant now) {
        return lift(organizationId, CampaignHoldStatements.Scope.TEMPLATE, templateId, cause, autoResume, now);
    }

    @Override
    public List<CampaignEvent> liftTemplateHold(OrganizationId organizationId, TemplateId templateId, HoldCause cause,
                                                boolean autoResume, Instant now) {
        return lift(organizationId, CampaignHoldStatements.Scope.SENDING, templateId, cause, autoResume, now);
    }

    private List<CampaignEvent> lift(OrganizationId organizationId, CampaignHoldStatements.Scope scope,
                                     TemplateId scopeTemplate, HoldCause cause, boolean autoResume, Instant now) {
        if (cause.isLiftedByPerson()) {
            throw new IllegalArgumentException(cause + " holds are lifted by a person only");
        }
        List<CampaignEvent> events = new ArrayList<>();
        for (CampaignHoldStatements.Lifted r : CampaignHoldStatements.lift(dsl, organizationId.value(),
                scope, scopeTemplate.value(), cause.name(), autoResume, null, now)) {
            CampaignId campaignId = new CampaignId(r.campaignId());
            TemplateId templateId = new TemplateId(r.templateId());
            events.add(new CampaignEvent.HoldLifted(organizationId, campaignId, templateId, cause, Optional.empty(),
                    now));
            if (r.last()) {
                events.add(autoResume
                        ? new CampaignEvent.Resumed(organizationId, campaignId, templateId, true, now)
                        : new CampaignEvent.HoldPlaced(organizationId, campaignId, templateId,
                        Hold.bySystem(HoldCause.AWAITING_RESUME, null, now), false, now));
            }
        }
        return events;
    }

    @Override
    public List<CampaignEvent> releaseOnWaba(OrganizationId organizationId, WabaId wabaId, HoldCause cause,
                                             String username, Instant now) {
        if (!cause.isLiftedByPerson()) {
            throw new IllegalArgumentException(cause + " holds are lifted by Warden when their cause clears");
        }
        List<CampaignEvent> events = new ArrayList<>();
        // A person's release is their resume too: a campaign left without holds runs (no AWAITING_RESUME).
        for (CampaignHoldStatements.Lifted r : CampaignHoldStatements.lift(dsl, organizationId.value(),
                CampaignHoldStatements.Scope.WABA, wabaId.value(), cause.name(), true, username, now)) {
            CampaignId campaignId = new CampaignId(r.campaignId());
            TemplateId templateId = new TemplateId(r.templateId());
            events.add(new CampaignEvent.HoldLifted(organizationId, campaignId, templateId, cause,
                    Optional.of(username), now));
            if (r.last()) {
                events.add(new CampaignEvent.Resumed(organizationId, campaignId, templateId, false, now));
            }
        }
        return events;
    }

    @Override
    public Set<TemplateId> withOpenCampaigns(OrganizationId organizationId, Collection<TemplateId> templateIds) {
        if (templateIds.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = templateIds.stream().map(TemplateId::value).toArray(UUID[]::new);
        return WITH_OPEN_CAMPAIGNS.fetchColumn(dsl, UUID.class, organizationId.value(), ids, organizationId.value(), ids)
                .stream().map(TemplateId::new).collect(Collectors.toSet());
    }

    @Override
    public Page<CampaignSnapshot> list(CampaignFilter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        filter.organizationId().ifPresent(org -> conditions.add(CAMPAIGNS.ORGANIZATION_ID.eq(org.value())));
        filter.templateId().ifPresent(id -> conditions.add(sends(id)));
        if (!filter.statuses().isEmpty()) {
            conditions.add(CAMPAIGNS.STATUS.in(filter.statuses().stream().map(Enum::name).toList()));
        }
        filter.holdCause().ifPresent(cause -> conditions.add(
                DSL.field("{0} -> {1}", JSONB.class, CAMPAIGNS.HOLDS, DSL.val(cause.name())).isNotNull()));
        Condition where = DSL.and(conditions);
        List<CampaignSnapshot> rows = dsl.selectFrom(CAMPAIGNS).where(where)
                .orderBy(order(filter)).limit(page.size()).offset(page.offset()).fetch(JooqCampaignRepository::toSnapshot);
        return new Page<>(rows, page.page(), page.size(), dsl.fetchCount(CAMPAIGNS, where));
    }

    @Override
    public Page<HoldRecord> holdHistory(OrganizationId organizationId, CampaignId id, PageRequest page) {
        Condition where = CAMPAIGN_HOLD_HISTORY.ORGANIZATION_ID.eq(organizationId.value())
                .and(CAMPAIGN_HOLD_HISTORY.CAMPAIGN_ID.eq(id.value()));
        List<HoldRecord> lines = dsl.selectFrom(CAMPAIGN_HOLD_HISTORY).where(where)
                .orderBy(CAMPAIGN_HOLD_HISTORY.SEQ.desc()).limit(page.size()).offset(page.offset())
                .fetch(r -> new HoldRecord(new CampaignId(r.getCampaignId()), HoldCause.valueOf(r.getCause()),
                        HoldRecord.Action.valueOf(r.getAction()), Optional.ofNullable(r.getDetail()),
                        Optional.ofNullable(r.getActor()), Times.fromDb(r.getAt())));
        return new Page<>(lines, page.page(), page.size(), dsl.fetchCount(CAMPAIGN_HOLD_HISTORY, where));
    }

    private void writeHistory(OrganizationId organizationId, List<HoldRecord> lines) {
        for (HoldRecord line : lines) {
            dsl.insertInto(CAMPAIGN_HOLD_HISTORY)
                    .set(CAMPAIGN_HOLD_HISTORY.ORGANIZATION_ID, organizationId.value())
                    .set(CAMPAIGN_HOLD_HISTORY.CAMPAIGN_ID, line.campaignId().value())
                    .set(CAMPAIGN_HOLD_HISTORY.CAUSE, line.cause().name())
                    .set(CAMPAIGN_HOLD_HISTORY.ACTION, line.action().name())
                    .set(CAMPAIGN_HOLD_HISTORY.DETAIL, line.detail().orElse(null))
                    .set(CAMPAIGN_HOLD_HISTORY.ACTOR, line.by().orElse(null))
                    .set(CAMPAIGN_HOLD_HISTORY.AT, Times.toDb(line.at()))
                    .execute();
        }
    }

    private static CampaignsRecord toRecord(CampaignSnapshot s) {
        CampaignsRecord r = new CampaignsRecord();
        r.setOrganizationId(s.organizationId().value());
        r.setId(s.id().value());
        r.setName(s.name());
        r.setTemplateId(s.templateId().value());
        r.setFallbackTemplateId(s.fallbackTemplateId().map(TemplateId::value).orElse(null));
        r.setStatus(s.status().name());
        r.setHolds(HoldsColumn.of(s.holds()));
        r.setCreatedAt(Times.toDb(s.createdAt()));
        r.setUpdatedAt(Times.toDb(s.updatedAt()));
        r.setRevision(s.revision());
        return r;
    }

    /** The campaigns that send the template: as their own, or as their fallback. */
    private static Condition sends(TemplateId id) {
        return CAMPAIGNS.TEMPLATE_ID.eq(id.value()).or(CAMPAIGNS.FALLBACK_TEMPLATE_ID.eq(id.value()));
    }

    /** The caller's order ({@link CampaignSortField}), or newest first, then id. */
    private static List<org.jooq.SortField<?>> order(CampaignFilter filter) {
        return filter.sort().map(sort -> SortOrders.by(switch (sort.field()) {
            case NAME -> SortOrders.text(CAMPAIGNS.NAME);
            case STATUS -> SortOrders.declared(CAMPAIGNS.STATUS, CampaignStatus.class);
            case CREATED_AT -> CAMPAIGNS.CREATED_AT;
            case UPDATED_AT -> CAMPAIGNS.UPDATED_AT;
        }, sort.descending(), CAMPAIGNS.ID)).orElse(List.of(CAMPAIGNS.CREATED_AT.desc(), CAMPAIGNS.ID.asc()));
    }

    private static CampaignSnapshot toSnapshot(CampaignsRecord r) {
        return new CampaignSnapshot(new CampaignId(r.getId()), new OrganizationId(r.getOrganizationId()), r.getName(),
                new TemplateId(r.getTemplateId()), Optional.ofNullable(r.getFallbackTemplateId()).map(TemplateId::new),
                CampaignStatus.valueOf(r.getStatus()), HoldsColumn.from(r.getHolds()),
                Times.fromDb(r.getCreatedAt()), Times.fromDb(r.getUpdatedAt()), r.getRevision());
    }
}
