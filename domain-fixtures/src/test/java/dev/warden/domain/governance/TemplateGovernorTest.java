package dev.warden.domain.governance;

import dev.warden.domain.template.StatusMarker;
import dev.warden.domain.template.PauseKind;
import static dev.warden.domain.fixtures.MetaReports.categoryChanged;
import static dev.warden.domain.fixtures.MetaReports.categoryImpending;
import static dev.warden.domain.fixtures.MetaReports.flagged;
import static dev.warden.domain.fixtures.MetaReports.paused;
import static dev.warden.domain.fixtures.MetaReports.quality;
import static dev.warden.domain.fixtures.MetaReports.rejected;
import static dev.warden.domain.fixtures.MetaReports.status;
import static dev.warden.domain.fixtures.MetaReports.unknown;
import static dev.warden.domain.fixtures.MetaReports.marker;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.fixtures.TemplateFixtures;
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

        warden.report(org, key, paused(PauseKind.FIRST, at(1)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(campaign).firstHold()).map(Hold::detail).contains(java.util.Optional.of("PAUSED"));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_PAUSED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.details()).containsEntry("pauseCount", "1").containsKey("expectedUntil");
        });

        warden.report(org, key, status(TemplateStatus.APPROVED, at(180)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void a_send_error_hold_is_lifted_when_the_template_is_approved_again_and_the_campaign_runs() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.campaigns.placeHold(org, template.id(), SendErrorRules.forRefusal(SendRefusal.TEMPLATE_DISABLED,
                at(1)).orElseThrow());
        warden.report(org, key, status(TemplateStatus.DISABLED, at(2)));
        assertThat(campaign(campaign).holds()).extracting(Hold::cause)
                .containsExactlyInAnyOrder(HoldCause.SEND_ERROR, HoldCause.TEMPLATE_STATUS);

        warden.report(org, key, status(TemplateStatus.APPROVED, at(180)));

        assertThat(campaign(campaign).holds()).isEmpty();
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_campaign_a_person_paused_stays_paused_when_the_template_recovers() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.holdByHand(campaign, "alice");

        warden.report(org, key, paused(PauseKind.FIRST, at(1)));
        warden.report(org, key, status(TemplateStatus.APPROVED, at(180)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(campaign).holds()).extracting(Hold::cause).containsExactly(HoldCause.MANUAL);
    }

    @Test
    void an_organization_can_turn_automatic_resume_off() {
        OrganizationId manualOrg = warden.anOrganizationResumingByHand("Careful Co");
        TemplateFixtures.Builder builder = aTemplate().in(manualOrg);
        MessageTemplate careful = warden.store(builder.build());
        CampaignId campaign = warden.aRunningCampaign(manualOrg, careful.id());

        warden.report(manualOrg, builder.key(), paused(PauseKind.FIRST, at(1)));
        warden.report(manualOrg, builder.key(), status(TemplateStatus.APPROVED, at(180)));

        assertThat(warden.campaigns.findById(manualOrg, campaign).orElseThrow().status())
                .isEqualTo(CampaignStatus.PAUSED);
    }

    @Test
    void disabled_is_critical_and_pauses_with_its_own_reason() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());

        warden.report(org, key, status(TemplateStatus.DISABLED, at(1)));

        assertThat(campaign(campaign).firstHold()).map(Hold::detail).contains(java.util.Optional.of("DISABLED"));
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

        warden.report(org, key, marker(StatusMarker.REINSTATED, at(2)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void a_category_change_pauses_campaigns_until_an_admin_acknowledges_it() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.report(org, key, categoryImpending(TemplateCategory.MARKETING, at(24 * 60), at(0)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::type).isEqualTo(AlertType.CATEGORY_CHANGE_PENDING);
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);

        warden.report(org, key, categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, at(24 * 60)));

        assertThat(campaign(campaign).holds()).extracting(Hold::cause).containsExactly(HoldCause.CATEGORY_CHANGE);
        AlertSnapshot changed = alerts().stream().filter(a -> a.type() == AlertType.CATEGORY_CHANGED).findFirst()
                .orElseThrow();
        assertThat(alerts()).filteredOn(a -> a.type() == AlertType.CATEGORY_CHANGE_PENDING)
                .singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
        warden.report(org, key, status(TemplateStatus.APPROVED, at(24 * 60 + 1)));
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

        warden.report(other, builder.key(), categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, at(1)));

        assertThat(warden.template(other, relaxed.id()).category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(warden.campaigns.findById(other, campaign).orElseThrow().status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(warden.alerts.list(new AlertFilter(Optional.of(other), Optional.empty(), Optional.empty()),
                PageRequest.first()).items()).isEmpty();
        assertThat(warden.history.list(other, relaxed.id(), PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void a_template_never_seen_gets_a_stub_from_what_the_event_says() {
        TemplateKey unknown = new TemplateKey(TemplateFixtures.WABA, new MetaTemplateId("9007199254740993"));

        GovernanceResult result = warden.reportAboutAnUnseenTemplate(org,
                InMemoryGovernance.mention(unknown, "order_update", "en_US", TemplateCategory.UTILITY),
                status(TemplateStatus.APPROVED, at(1)));

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
        warden.report(org, key, paused(PauseKind.FIRST, at(10)));

        GovernanceResult again = warden.report(org, key, paused(PauseKind.FIRST, at(10)));
        GovernanceResult late = warden.report(org, key, status(TemplateStatus.APPROVED, at(5)));

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

        GovernanceResult result = warden.report(org, key, unknown("SUSPENDED_FOR_REVIEW", at(1)));

        assertThat(result.result()).isEqualTo(Result.UNRECOGNISED);
        assertThat(warden.template(org, template.id()).status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::severity).isEqualTo(AlertSeverity.INFO);
    }

    @Test
    void a_category_change_while_already_held_still_holds_after_the_template_recovers() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.report(org, key, status(TemplateStatus.PENDING, at(1)));
        warden.report(org, key, categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, at(2)));

        warden.report(org, key, status(TemplateStatus.APPROVED, at(3)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(campaign).holds()).extracting(Hold::cause).containsExactly(HoldCause.CATEGORY_CHANGE);
    }

    @Test
    void consent_given_while_the_template_cannot_be_sent_is_not_used_up() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.report(org, key, categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, at(1)));
        warden.report(org, key, paused(PauseKind.FIRST, at(2)));
        AlertSnapshot changed = alerts().stream().filter(a -> a.type() == AlertType.CATEGORY_CHANGED).findFirst()
                .orElseThrow();

        warden.acknowledgement.acknowledge(org, changed.id(), "alice", at(3));
        assertThat(campaign(campaign).holds()).extracting(Hold::cause).containsExactly(HoldCause.TEMPLATE_STATUS);
        warden.report(org, key, status(TemplateStatus.APPROVED, at(180)));

        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_campaign_cannot_start_before_consent() {
        warden.report(org, key, categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, at(1)));

        assertThatThrownBy(() -> warden.aRunningCampaign(org, template.id()))
                .isInstanceOf(dev.warden.domain.campaign.CategoryConsentPending.class);
    }

    @Test
    void a_category_named_by_any_status_event_is_a_category_change() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());

        warden.report(org, key, marker(StatusMarker.FLAGGED, at(1)).withCategory(TemplateCategory.MARKETING));

        assertThat(warden.template(org, template.id()).category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(alerts()).extracting(AlertSnapshot::type).contains(AlertType.CATEGORY_CHANGED);
        assertThat(campaign(campaign).holds()).extracting(Hold::cause).containsExactly(HoldCause.CATEGORY_CHANGE);
        assertThat(warden.history.list(org, template.id(), dev.warden.domain.shared.PageRequest.first()).items())
                .extracting(dev.warden.domain.template.TemplateHistoryEntry::event)
                .contains("FLAGGED", "CATEGORY_REPORTED");
    }

    @Test
    void archived_holds_campaigns_and_names_the_deletion_deadline() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());

        warden.report(org, key, status(TemplateStatus.ARCHIVED, at(1)));

        assertThat(campaign(campaign).firstHold()).map(Hold::detail).contains(java.util.Optional.of("ARCHIVED"));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_ARCHIVED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.details()).containsEntry("deletionDeadline", at(1).plus(java.time.Duration.ofDays(28)).toString());
            assertThat(alert.message()).contains(at(1).plus(java.time.Duration.ofDays(28)).toString());
        });

        warden.report(org, key, marker(StatusMarker.UNARCHIVED, at(2)));
        assertThat(campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void a_pause_during_pacing_says_a_person_must_unpause() {
        warden.report(org, key, paused(PauseKind.RATE_LIMITING, at(1)));

        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.message()).contains("a person must unpause");
            assertThat(alert.details()).doesNotContainKey("expectedUntil").containsEntry("pauseKind", "RATE_LIMITING");
        });
    }

    @Test
    void the_quality_alert_follows_the_quality_down_and_up() {
        warden.report(org, key, quality(QualityRating.GREEN, QualityRating.RED, at(1)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::severity).isEqualTo(AlertSeverity.CRITICAL);

        warden.report(org, key, quality(QualityRating.RED, QualityRating.YELLOW, at(2)));
        assertThat(alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(AlertSeverity.MEDIUM);
            assertThat(alert.state()).isEqualTo(AlertState.OPEN);
        });

        warden.report(org, key, quality(QualityRating.YELLOW, QualityRating.GREEN, at(3)));
        assertThat(alerts()).singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void an_approval_naming_a_new_category_never_lets_the_campaign_run_in_between() {
        CampaignId campaign = warden.aRunningCampaign(org, template.id());
        warden.report(org, key, status(TemplateStatus.PENDING, at(1)));

        GovernanceResult approved = warden.report(org, key,
                status(TemplateStatus.APPROVED, at(2)).withCategory(TemplateCategory.MARKETING));

        assertThat(approved.events()).noneMatch(dev.warden.domain.campaign.CampaignEvent.Resumed.class::isInstance);
        assertThat(campaign(campaign).holds()).extracting(Hold::cause).containsExactly(HoldCause.CATEGORY_CHANGE);
    }
}
