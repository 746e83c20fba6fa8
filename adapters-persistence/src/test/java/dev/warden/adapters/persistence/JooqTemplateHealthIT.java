package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.fixtures.InMemoryCampaignRepository;
import dev.warden.domain.fixtures.InMemoryTemplateHealth;
import dev.warden.domain.fixtures.InMemoryTemplateHistory;
import dev.warden.domain.fixtures.InMemoryTemplateRepository;
import dev.warden.domain.health.CriticalRule;
import dev.warden.domain.health.CriticalTemplate;
import dev.warden.domain.health.TemplateHealthViews;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeKind;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.PauseInfo;
import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The SQL of the health views answers exactly what the domain rule, applied template by template in
 * memory, answers: the same critical templates in the same order with the same reasons, the same
 * counts and the same recent quality changes, for any mix of templates.
 */
class JooqTemplateHealthIT {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final CriticalRule RULE = new CriticalRule(Duration.ofHours(48));
    private static final WabaId WABA = new WabaId("102290129340398");

    /** What one generated template is: its facts, how many open campaigns use it, its quality history. */
    private record Spec(int organization, TemplateStatus status, QualityRating quality, boolean flagged,
                        boolean awaitingConsent, boolean paused, int statusHoursAgo, boolean statusClockKnown,
                        int createdHoursAgo, int campaigns, List<Boolean> qualityChangesStale) {
    }

    /** A template spec drawn from a seed: every field independent, PENDING and PAUSED more often than by chance. */
    private static final Gen<Spec> SPECS = integers().all().map(seed -> {
        Random random = new Random(seed);
        TemplateStatus[] statuses = TemplateStatus.values();
        TemplateStatus status = random.nextInt(3) == 0 ? TemplateStatus.PENDING : statuses[random.nextInt(statuses.length)];
        QualityRating[] ratings = QualityRating.values();
        List<Boolean> stale = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            stale.add(random.nextInt(4) == 0);
        }
        return new Spec(random.nextInt(2), status, ratings[random.nextInt(ratings.length)], random.nextInt(4) == 0,
                random.nextInt(4) == 0, status == TemplateStatus.PAUSED && random.nextBoolean(),
                random.nextInt(100), random.nextBoolean(), random.nextInt(100), random.nextInt(3), stale);
    });

    @Test
    void the_sql_finds_what_the_domain_rule_finds_for_any_templates() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        qt().withExamples(40).forAll(lists().of(SPECS).ofSizeBetween(0, 30), integers().between(1, 7))
                .checkAssert((specs, pageSize) -> {
                    dsl.execute("TRUNCATE organizations, templates, template_history, campaigns, campaign_hold_history CASCADE");
                    Stores stores = new Stores(dsl);
                    List<OrganizationId> orgs = stores.organizations(2);
                    for (int i = 0; i < specs.size(); i++) {
                        stores.add(specs.get(i), i, orgs.get(specs.get(i).organization()));
                    }
                    for (Optional<OrganizationId> scope : List.of(Optional.of(orgs.get(0)), Optional.<OrganizationId>empty())) {
                        assertSameAnswers(stores.memory, stores.database, scope, pageSize);
                    }
                });
    }

    private static void assertSameAnswers(TemplateHealthViews memory, TemplateHealthViews database,
                                          Optional<OrganizationId> scope, int pageSize) {
        for (int page = 0; ; page++) {
            Page<CriticalTemplate> expected = memory.critical(scope, RULE, NOW, new PageRequest(page, pageSize));
            Page<CriticalTemplate> actual = database.critical(scope, RULE, NOW, new PageRequest(page, pageSize));
            assertThat(actual.total()).isEqualTo(expected.total());
            assertThat(actual.items().stream().map(JooqTemplateHealthIT::view).toList())
                    .isEqualTo(expected.items().stream().map(JooqTemplateHealthIT::view).toList());
            if (expected.items().isEmpty()) {
                break;
            }
        }
        var expected = memory.summary(scope, 5);
        var actual = database.summary(scope, 5);
        assertThat(actual.byStatus()).isEqualTo(expected.byStatus());
        assertThat(actual.byQuality()).isEqualTo(expected.byQuality());
        assertThat(actual.recentChanges()).isEqualTo(expected.recentChanges());
    }

    /** What the API shows of an item (the snapshot's revision differs between the stores). */
    private static List<Object> view(CriticalTemplate c) {
        TemplateSnapshot t = c.template();
        return List.of(t.id(), t.organizationId(), t.wabaId(), t.metaTemplateId(), t.name(), t.language(),
                t.category(), t.status(), t.quality(), c.findings(), c.campaignsAffected());
    }

    /** The same data in memory and in PostgreSQL. */
    private static final class Stores {

        final InMemoryTemplateRepository memoryTemplates = new InMemoryTemplateRepository();
        final InMemoryTemplateHistory memoryHistory = new InMemoryTemplateHistory();
        final InMemoryCampaignRepository memoryCampaigns = new InMemoryCampaignRepository();
        final TemplateHealthViews memory = new InMemoryTemplateHealth(memoryTemplates, memoryHistory, memoryCampaigns);
        final TemplateHealthViews database;
        private final DSLContext dsl;

        Stores(DSLContext dsl) {
            this.dsl = dsl;
            this.database = new JooqTemplateHealth(dsl);
        }

        List<OrganizationId> organizations(int count) {
            List<OrganizationId> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Organization org = Organization.create(OrganizationId.random(), "Org " + i, NOW);
                new JooqOrganizationRepository(dsl).add(org);
                ids.add(org.id());
            }
            return ids;
        }

        void add(Spec spec, int index, OrganizationId org) {
            Instant statusAt = NOW.minus(Duration.ofHours(spec.statusHoursAgo()));
            Instant createdAt = NOW.minus(Duration.ofHours(spec.createdHoursAgo()));
            Map<ChangeKind, Instant> clocks = new EnumMap<>(ChangeKind.class);
            if (spec.statusClockKnown()) {
                clocks.put(ChangeKind.STATUS, statusAt);
                clocks.put(ChangeKind.QUALITY, statusAt.plusSeconds(60));
                clocks.put(ChangeKind.MARKER, statusAt.plusSeconds(120));
                clocks.put(ChangeKind.CATEGORY, statusAt.plusSeconds(180));
            }
            Optional<PauseInfo> pause = spec.paused()
                    ? Optional.of(new PauseInfo(PauseKind.FIRST, "FIRST_PAUSE", null, statusAt)) : Optional.empty();
            // Names repeat across templates on purpose, so the order's later keys are exercised too.
            TemplateSnapshot snapshot = new TemplateSnapshot(TemplateId.random(), org, WABA,
                    Optional.of(new MetaTemplateId(String.valueOf(1_000_000 + index))),
                    new TemplateName("t_" + index % 4), new LanguageCode(index % 3 == 0 ? "en_US" : "pt_BR"),
                    TemplateCategory.UTILITY, spec.status(), spec.quality(), spec.flagged(),
                    spec.flagged() ? "January 31, 2026" : null, pause.isPresent() ? 1 : 0, pause, Optional.empty(),
                    Optional.empty(), false, spec.awaitingConsent(), Optional.empty(), Optional.empty(), 0, List.of(),
                    clocks, createdAt, createdAt, 0L);
            MessageTemplate template = MessageTemplate.reconstitute(snapshot);
            memoryTemplates.add(template);
            new JooqTemplateRepository(dsl).add(MessageTemplate.reconstitute(snapshot));
            for (int c = 0; c < spec.campaigns(); c++) {
                Campaign campaign = Campaign.draft(CampaignId.random(), org, "c" + c, snapshot.id(), createdAt);
                memoryCampaigns.add(campaign);
                new JooqCampaignRepository(dsl).add(Campaign.reconstitute(campaign.snapshot()));
            }
            List<TemplateHistoryEntry> changes = new ArrayList<>();
            for (int q = 0; q < spec.qualityChangesStale().size(); q++) {
                // Some changes share a time, so the tie-break (recorded later first) is exercised.
                changes.add(new TemplateHistoryEntry(org, snapshot.id(), HistoryKind.QUALITY, ChangeSource.WEBHOOK,
                        "QUALITY", "GREEN", q % 2 == 0 ? "RED" : "YELLOW", null, spec.qualityChangesStale().get(q),
                        createdAt.plusSeconds(q / 2), NOW, Map.of()));
            }
            changes.forEach(memoryHistory::append);
            new JooqTemplateHistory(dsl).appendAll(changes);
        }
    }
}
