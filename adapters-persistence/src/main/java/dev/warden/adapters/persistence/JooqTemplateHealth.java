package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGNS;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATES;
import static dev.warden.adapters.persistence.jooq.Tables.TEMPLATE_HISTORY;

import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.health.CriticalReason;
import dev.warden.domain.health.CriticalRule;
import dev.warden.domain.health.CriticalTemplate;
import dev.warden.domain.health.QualityChange;
import dev.warden.domain.health.QualitySummary;
import dev.warden.domain.health.TemplateHealthViews;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the health views in a few set-based statements. The critical rule is
 * {@link CriticalReason#appliesTo}, translated here to SQL; a contract test holds both to the same
 * answer. Constants are written inline so PostgreSQL can match the partial index of V7.
 */
@Singleton
public final class JooqTemplateHealth implements TemplateHealthViews {

    private static final List<String> OPEN_CAMPAIGN = List.of(CampaignStatus.DRAFT.name(),
            CampaignStatus.RUNNING.name(), CampaignStatus.PAUSED.name());

    private static final Field<?>[] ITEM_FIELDS = TemplateRowMapper.withoutContentFields();

    private final DSLContext dsl;

    public JooqTemplateHealth(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Page<CriticalTemplate> critical(Optional<OrganizationId> organizationId, CriticalRule rule, Instant now,
                                           PageRequest page) {
        Instant cutoff = rule.pendingCutoff(now);
        CriticalReason[] reasons = CriticalReason.values();
        Condition anyReason = DSL.falseCondition();
        CaseConditionStep<Integer> rank = null;
        for (CriticalReason reason : reasons) {
            Condition applies = condition(reason, cutoff);
            anyReason = anyReason.or(applies);
            rank = rank == null ? DSL.when(applies, DSL.inline(reason.ordinal()))
                    : rank.when(applies, DSL.inline(reason.ordinal()));
        }
        Condition where = scope(organizationId).and(anyReason);
        // The page's keys first, from the partial index alone (it holds every column the rule and the
        // order read), then the page's rows by primary key: no table page is read for the rest.
        List<TemplateKeyInOrg> keys = dsl.select(TEMPLATES.ORGANIZATION_ID, TEMPLATES.ID).from(TEMPLATES).where(where)
                .orderBy(rank.otherwise(DSL.inline(reasons.length)), TEMPLATES.NAME.collate("C"),
                        TEMPLATES.LANGUAGE.collate("C"), TEMPLATES.ID)
                .limit(page.size()).offset(page.offset()).fetch(r -> new TemplateKeyInOrg(r.value1(), r.value2()));
        // An item shows no content, and parsing 20 contents was most of a page's CPU under load.
        Map<TemplateKeyInOrg, TemplateSnapshot> rows = keys.isEmpty() ? Map.of()
                : dsl.select(ITEM_FIELDS).from(TEMPLATES)
                .where(DSL.row(TEMPLATES.ORGANIZATION_ID, TEMPLATES.ID)
                        .in(keys.stream().map(k -> DSL.row(k.organizationId(), k.templateId())).toList()))
                .fetchMap(r -> new TemplateKeyInOrg(r.get(TEMPLATES.ORGANIZATION_ID), r.get(TEMPLATES.ID)),
                        TemplateRowMapper::toSnapshotWithoutContent);
        Map<TemplateKeyInOrg, Integer> open = openCampaigns(keys);
        List<CriticalTemplate> items = keys.stream().filter(rows::containsKey).map(key -> {
            TemplateSnapshot t = rows.get(key);
            return new CriticalTemplate(t, rule.findings(t, now), open.getOrDefault(key, 0));
        }).toList();
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(TEMPLATES, where));
    }

    private static Condition condition(CriticalReason reason, Instant pendingCutoff) {
        return switch (reason) {
            case DISABLED -> hasStatus(TemplateStatus.DISABLED);
            case ARCHIVED -> hasStatus(TemplateStatus.ARCHIVED);
            case PAUSED -> hasStatus(TemplateStatus.PAUSED);
            case QUALITY_RED -> TEMPLATES.QUALITY.eq(DSL.inline(QualityRating.RED.name()));
            case FLAGGED -> TEMPLATES.FLAGGED.isTrue();
            case CATEGORY_CONSENT_PENDING -> TEMPLATES.AWAITING_CATEGORY_CONSENT.isTrue();
            case REJECTED -> hasStatus(TemplateStatus.REJECTED);
            case LIMIT_EXCEEDED -> hasStatus(TemplateStatus.LIMIT_EXCEEDED);
            // CriticalRule.statusSince: the status clock, or when the template was first seen.
            case PENDING_TOO_LONG -> hasStatus(TemplateStatus.PENDING)
                    .and(DSL.coalesce(TEMPLATES.LAST_STATUS_AT, TEMPLATES.CREATED_AT).lt(Times.toDb(pendingCutoff)));
        };
    }

    private static Condition hasStatus(TemplateStatus status) {
        return TEMPLATES.STATUS.eq(DSL.inline(status.name()));
    }

    private record TemplateKeyInOrg(UUID organizationId, UUID templateId) {
    }

    /** Open campaigns per template of the page, in one grouped statement. */
    private Map<TemplateKeyInOrg, Integer> openCampaigns(List<TemplateKeyInOrg> templates) {
        if (templates.isEmpty()) {
            return Map.of();
        }
        List<Row2<UUID, UUID>> keys = templates.stream()
                .map(t -> DSL.row(t.organizationId(), t.templateId())).toList();
        return dsl.select(CAMPAIGNS.ORGANIZATION_ID, CAMPAIGNS.TEMPLATE_ID, DSL.count()).from(CAMPAIGNS)
                .where(DSL.row(CAMPAIGNS.ORGANIZATION_ID, CAMPAIGNS.TEMPLATE_ID).in(keys),
                        CAMPAIGNS.STATUS.in(OPEN_CAMPAIGN))
                .groupBy(CAMPAIGNS.ORGANIZATION_ID, CAMPAIGNS.TEMPLATE_ID)
                .fetchMap(r -> new TemplateKeyInOrg(r.value1(), r.value2()), r -> r.value3());
    }

    @Override
    public QualitySummary summary(Optional<OrganizationId> organizationId, int recentChanges) {
        Map<TemplateStatus, Long> byStatus = new EnumMap<>(TemplateStatus.class);
        Map<QualityRating, Long> byQuality = new EnumMap<>(QualityRating.class);
        Field<Integer> count = DSL.count();
        dsl.select(TEMPLATES.STATUS, TEMPLATES.QUALITY, count).from(TEMPLATES).where(scope(organizationId))
                .groupBy(TEMPLATES.STATUS, TEMPLATES.QUALITY)
                .forEach(r -> {
                    byStatus.merge(TemplateStatus.valueOf(r.value1()), r.value3().longValue(), Long::sum);
                    byQuality.merge(QualityRating.valueOf(r.value2()), r.value3().longValue(), Long::sum);
                });
        return new QualitySummary(byStatus, byQuality, recentQualityChanges(organizationId, recentChanges));
    }

    private List<QualityChange> recentQualityChanges(Optional<OrganizationId> organizationId, int limit) {
        Condition scope = organizationId.map(org -> TEMPLATE_HISTORY.ORGANIZATION_ID.eq(org.value()))
                .orElse(DSL.noCondition());
        return dsl.select(TEMPLATE_HISTORY.TEMPLATE_ID, TEMPLATES.NAME, TEMPLATES.LANGUAGE, TEMPLATE_HISTORY.PREVIOUS,
                        TEMPLATE_HISTORY.CURRENT, TEMPLATE_HISTORY.OCCURRED_AT)
                .from(TEMPLATE_HISTORY).join(TEMPLATES)
                .on(TEMPLATES.ORGANIZATION_ID.eq(TEMPLATE_HISTORY.ORGANIZATION_ID),
                        TEMPLATES.ID.eq(TEMPLATE_HISTORY.TEMPLATE_ID))
                // The same literals as the partial index of V7.
                .where(scope, TEMPLATE_HISTORY.KIND.eq(DSL.inline(HistoryKind.QUALITY.name())),
                        TEMPLATE_HISTORY.STALE.isFalse())
                .orderBy(TEMPLATE_HISTORY.OCCURRED_AT.desc(), TEMPLATE_HISTORY.SEQ.desc())
                .limit(limit)
                .fetch(r -> new QualityChange(new TemplateId(r.value1()), new TemplateName(r.value2()),
                        new LanguageCode(r.value3()), QualityChange.rating(r.value4()),
                        QualityChange.rating(r.value5()), Times.fromDb(r.value6())));
    }

    private static Condition scope(Optional<OrganizationId> organizationId) {
        return organizationId.map(org -> TEMPLATES.ORGANIZATION_ID.eq(org.value())).orElse(DSL.noCondition());
    }
}
