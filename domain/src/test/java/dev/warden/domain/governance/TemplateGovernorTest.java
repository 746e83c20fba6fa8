package dev.warden.domain.governance;

import static dev.warden.domain.fixtures.MetaReports.categoryChanged;
import static dev.warden.domain.fixtures.MetaReports.categoryImpending;
import static dev.warden.domain.fixtures.MetaReports.flagged;
import static dev.warden.domain.fixtures.MetaReports.paused;
import static dev.warden.domain.fixtures.MetaReports.quality;
import static dev.warden.domain.fixtures.MetaReports.rejected;
import static dev.warden.domain.fixtures.MetaReports.status;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.PauseReason;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeOutcome.Result;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplateGovernorTest {

    private InMemoryGovernance warden;
    private OrganizationId org;
    private MessageTemplate template;
    private TemplateKey key;

    @BeforeEach
    void setUp() {
        warden = new InMemoryGovernance();
        org = warden.anOrganization("Acme");
        TemplateFixtures.Builder builder = aTemplate().in(org);
        key = builder.key();
        template = warden.store(builder.build());
    }

    private Instant at(int minutes) {
        return TemplateFixtures.T0.plus(Duration.ofMinutes(minutes));
    }

    private List<AlertSnapshot> alerts() {
        return warden.alerts.list(new AlertFilter(Optional.of(org), Optional.empty(), Optional.empty()),
                PageRequest.first()).items();
    }

    private CampaignSnapshot campaign(CampaignId id) {
        return warden.campaigns.findById(org, id).orElseThrow().snapshot();
    }

    @Test
    void a_pause_pauses_running_campaigns_and_approval_resumes_them() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());

        warden.report(org, key, paused("FIRST_PAUSE", at(1)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(campaign).pauseReason()).contains(PauseReason.TEMPLATE_PAUSED);
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_PAUSED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.details()).containsEntry("pauseCount", "1").containsKey("expectedUntil");
        });

        warden.report(org, key, status("APPROVED", at(180)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void a_campaign_a_person_paused_stays_paused_when_the_template_recovers() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        var manual = warden.campaigns.findById(org, campaign).orElseThrow();
        manual.pauseBy("alice", at(0));
        warden.campaigns.update(manual);

        warden.report(org, key, paused("FIRST_PAUSE", at(1)));
        warden.report(org, key, status("APPROVED", at(180)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(campaign).pauseReason()).contains(PauseReason.MANUAL);
    }

    @Test
    void an_organization_can_turn_automatic_resume_off() {
        OrganizationId manualOrg = OrganizationId.random();
        warden.organizations.add(new Organization(manualOrg, "Careful Co", false, at(0)));
        TemplateFixtures.Builder builder = aTemplate().in(manualOrg);
        MessageTemplate careful = warden.store(builder.build());
        CampaignId campaign = warden.aRunningCampaign(manualOrg, careful.id());

        warden.report(manualOrg, builder.key(), paused("FIRST_PAUSE", at(1)));
        warden.report(manualOrg, builder.key(), status("APPROVED", at(180)));

        assertThat(warden.campaigns.findById(manualOrg, campaign).orElseThrow().status())
                .isEqualTo(CampaignStatus.PAUSED);
    }

    @Test
    void disabled_is_critical_and_pauses_with_its_own_reason() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());

        warden.report(org, key, status("DISABLED", at(1)));

        assertThat(campaign(campaign).pauseReason()).contains(PauseReason.TEMPLATE_DISABLED);
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_DISABLED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        });
    }

    @Test
    void quality_alerts_escalate_count_and_resolve_on_recovery() {
        warden.report(org, key, quality(QualityRating.GREEN, QualityRating.YELLOW, at(1)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::severity).isEqualTo(AlertSeverity.MEDIUM);

        warden.report(org, key, quality(QualityRating.YELLOW, QualityRating.RED, at(2)));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.QUALITY_DEGRADED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.count()).isEqualTo(2);
        });

        warden.report(org, key, quality(QualityRating.RED, QualityRating.GREEN, at(3)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
        assertThat(warden.quality.since(org, template.id(), at(0))).hasSize(3);
    }

    @Test
    void a_rejection_alert_carries_the_reason_and_recommendation() {
        warden.report(org, key, rejected("INVALID_FORMAT", "Add text between adjacent variables.", at(1)));

        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_REJECTED);
            assertThat(alert.message()).contains("INVALID_FORMAT").contains("Add text between adjacent variables.");
        });
    }

    @Test
    void a_flag_raises_a_high_alert_with_the_disable_date_and_reinstatement_resolves_it() {
        warden.report(org, key, flagged("January 31, 2027", at(1)));

        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_FLAGGED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.message()).contains("January 31, 2027");
        });

        warden.report(org, key, status("REINSTATED", at(2)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void a_category_change_pauses_campaigns_until_an_admin_acknowledges_it() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.report(org, key, categoryImpending("MARKETING", at(24 * 60), at(0)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::type).isEqualTo(AlertType.CATEGORY_CHANGE_PENDING);
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);

        warden.report(org, key, categoryChanged("UTILITY", "MARKETING", at(24 * 60)));

        assertThat(campaign(campaign).pauseReason()).contains(PauseReason.CATEGORY_CHANGED);
        AlertSnapshot changed = alerts().stream().filter(a -> a.type() == AlertType.CATEGORY_CHANGED).findFirst()
                .orElseThrow();
        assertThat(alerts()).filteredOn(a -> a.type() == AlertType.CATEGORY_CHANGE_PENDING)
                .singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
        warden.report(org, key, status("APPROVED", at(24 * 60 + 1)));
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);

        warden.acknowledgement.acknowledge(org, changed.id(), "alice", at(24 * 60 + 5));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void an_allowed_category_change_is_only_history() {
        OrganizationId other = warden.anOrganization("Relaxed");
        TemplateFixtures.Builder builder = aTemplate().in(other).allowingCategoryChange();
        MessageTemplate relaxed = warden.store(builder.build());
        CampaignId campaign = warden.aRunningCampaign(other, relaxed.id());

        warden.report(other, builder.key(), categoryChanged("UTILITY", "MARKETING", at(1)));

        assertThat(warden.template(other, relaxed.id()).category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(warden.campaigns.findById(other, campaign).orElseThrow().status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(warden.alerts.list(new AlertFilter(Optional.of(other), Optional.empty(), Optional.empty()),
                PageRequest.first()).items()).isEmpty();
        assertThat(warden.history.list(other, relaxed.id(), PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void a_template_never_seen_gets_a_stub_from_what_the_event_says() {
        TemplateKey unknown = new TemplateKey(TemplateFixtures.WABA, new MetaTemplateId("9007199254740993"));

        GovernanceResult result = warden.report(org, unknown, status("APPROVED", at(1)));

        assertThat(result.templateDiscovered()).isTrue();
        TemplateSnapshot stub = warden.template(org, result.templateId());
        assertThat(stub.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(stub.name().value()).isEqualTo("order_update");
        assertThat(stub.metaTemplateId()).contains(new MetaTemplateId("9007199254740993"));
        assertThat(stub.content()).isEmpty();
    }

    @Test
    void redelivery_and_late_delivery_have_no_second_effect() {
        warden.aRunningCampaign(org, template.id());
        warden.report(org, key, paused("FIRST_PAUSE", at(10)));

        GovernanceResult again = warden.report(org, key, paused("FIRST_PAUSE", at(10)));
        GovernanceResult late = warden.report(org, key, status("APPROVED", at(5)));

        assertThat(again.result()).isEqualTo(Result.DUPLICATE);
        assertThat(again.events()).isEmpty();
        assertThat(late.result()).isEqualTo(Result.STALE);
        assertThat(late.events()).isEmpty();
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::count).isEqualTo(1);
        assertThat(warden.history.list(org, template.id(), PageRequest.first()).items())
                .extracting(e -> e.stale()).containsExactly(true, false);
        assertThat(warden.template(org, template.id()).status()).isEqualTo(TemplateStatus.PAUSED);
    }

    @Test
    void an_unknown_event_is_shown_but_changes_nothing() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());

        GovernanceResult result = warden.report(org, key, status("SUSPENDED_FOR_REVIEW", at(1)));

        assertThat(result.result()).isEqualTo(Result.UNRECOGNISED);
        assertThat(warden.template(org, template.id()).status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::severity).isEqualTo(AlertSeverity.INFO);
    }
}
