package dev.warden.domain.campaign;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.governance.SendErrorRules;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateStatus;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private final Campaign campaign = Campaign.draft(CampaignId.random(), OrganizationId.random(), "Spring sale",
            TemplateId.random(), T0);

    @Test
    void starting_needs_a_sendable_template_and_names_its_status() {
        assertThatThrownBy(() -> campaign.start(TemplateStatus.PAUSED, false, T0))
                .isInstanceOf(TemplateNotSendable.class).hasMessageContaining("PAUSED");
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);

        campaign.start(TemplateStatus.APPROVED, false, T0);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_campaign_can_send_while_its_template_or_its_fallback_is_sendable() {
        assertThat(Campaign.canSend(TemplateStatus.APPROVED, Optional.empty())).isTrue();
        assertThat(Campaign.canSend(TemplateStatus.PAUSED, Optional.empty())).isFalse();
        assertThat(Campaign.canSend(TemplateStatus.PAUSED, Optional.of(TemplateStatus.APPROVED))).isTrue();
        assertThat(Campaign.canSend(TemplateStatus.APPROVED, Optional.of(TemplateStatus.DISABLED))).isTrue();
        assertThat(Campaign.canSend(TemplateStatus.PAUSED, Optional.of(TemplateStatus.PAUSED))).isFalse();
    }

    @Test
    void a_campaign_with_a_sendable_fallback_starts_while_its_template_is_paused() {
        TemplateId own = TemplateId.random();
        Campaign fallsBack = Campaign.draft(CampaignId.random(), OrganizationId.random(), "Spring sale", own,
                Optional.of(TemplateId.random()), T0);

        assertThatThrownBy(() -> fallsBack.start(TemplateStatus.PAUSED, Optional.of(TemplateStatus.REJECTED), false,
                T0)).isInstanceOf(TemplateNotSendable.class).hasMessageContaining("PAUSED");
        fallsBack.start(TemplateStatus.PAUSED, Optional.of(TemplateStatus.APPROVED), false, T0);

        assertThat(fallsBack.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(fallsBack.snapshot().sends(own)).isTrue();
        assertThat(fallsBack.snapshot().sends(fallsBack.fallbackTemplateId().orElseThrow())).isTrue();
        assertThat(fallsBack.snapshot().sends(TemplateId.random())).isFalse();
        assertThatThrownBy(() -> Campaign.draft(CampaignId.random(), OrganizationId.random(), "Loop", own,
                Optional.of(own), T0)).hasMessageContaining("fallbackTemplateId");
    }

    @Test
    void runs_only_while_no_hold_remains_whatever_order_they_come_and_go_in() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PENDING", T0.plusSeconds(1)));
        campaign.place(Hold.bySystem(HoldCause.CATEGORY_CHANGE, "UTILITY -> MARKETING", T0.plusSeconds(2)));

        campaign.lift(HoldCause.TEMPLATE_STATUS, true, T0.plusSeconds(3));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.snapshot().holds()).extracting(Hold::cause).containsExactly(HoldCause.CATEGORY_CHANGE);

        campaign.lift(HoldCause.CATEGORY_CHANGE, true, T0.plusSeconds(4));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(campaign.snapshot().holds()).isEmpty();
    }

    @Test
    void warden_never_lifts_a_persons_hold() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0));
        campaign.pauseBy("alice", T0.plusSeconds(1));

        campaign.lift(HoldCause.TEMPLATE_STATUS, true, T0.plusSeconds(2));

        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.snapshot().holds()).extracting(Hold::cause, Hold::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HoldCause.MANUAL, Optional.of("alice")));
        assertThatThrownBy(() -> campaign.lift(HoldCause.MANUAL, true, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_persons_resume_lifts_only_what_a_person_may_and_names_what_still_holds() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "DISABLED", T0));

        assertThatThrownBy(() -> campaign.resumeBy("alice", T0)).isInstanceOf(CampaignHeld.class)
                .hasMessageContaining("TEMPLATE_STATUS (DISABLED)");

        campaign.pauseBy("alice", T0);
        campaign.resumeBy("bob", T0.plusSeconds(1));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.holdChanges()).extracting(HoldRecord::cause, HoldRecord::action, HoldRecord::by)
                .contains(org.assertj.core.groups.Tuple.tuple(HoldCause.MANUAL, HoldRecord.Action.LIFTED,
                        Optional.of("bob")));
    }

    @Test
    void a_persons_release_of_pacing_lifts_only_that_hold_and_resumes_what_nothing_else_holds() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(SendErrorRules.pacingHold(T0));
        assertThatThrownBy(() -> campaign.lift(HoldCause.PORTFOLIO_PACING, true, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> campaign.releaseBy(HoldCause.SEND_ERROR, "bob", T0))
                .isInstanceOf(IllegalArgumentException.class);
        campaign.pauseBy("alice", T0.plusSeconds(1));

        campaign.releaseBy(HoldCause.PORTFOLIO_PACING, "bob", T0.plusSeconds(2));
        assertThat(campaign.snapshot().holds()).extracting(Hold::cause).containsExactly(HoldCause.MANUAL);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.releaseBy(HoldCause.PORTFOLIO_PACING, "bob", T0.plusSeconds(3))).isEmpty();

        campaign.place(SendErrorRules.pacingHold(T0.plusSeconds(4)));
        campaign.resumeBy("alice", T0.plusSeconds(5));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void only_a_paused_or_disabled_template_refusal_places_a_send_error_hold_and_only_paused_is_asked() {
        for (SendRefusal refusal : SendRefusal.values()) {
            boolean template = refusal == SendRefusal.TEMPLATE_PAUSED || refusal == SendRefusal.TEMPLATE_DISABLED;
            assertThat(SendErrorRules.forRefusal(refusal, T0)).as(refusal.name())
                    .isEqualTo(template ? Optional.of(Hold.bySystem(HoldCause.SEND_ERROR, refusal.name(), T0))
                            : Optional.empty());
            assertThat(SendErrorRules.asksMeta(refusal)).isEqualTo(refusal == SendRefusal.TEMPLATE_PAUSED);
        }
        assertThat(SendErrorRules.confirmed(StatusEvent.of(TemplateStatus.APPROVED)))
                .isEqualTo(SendErrorRules.Verdict.PORTFOLIO_PACING);
        assertThat(SendErrorRules.confirmed(StatusEvent.of(TemplateStatus.PAUSED)))
                .isEqualTo(SendErrorRules.Verdict.TEMPLATE_NOT_SENDABLE);
        assertThat(SendErrorRules.confirmed(StatusEvent.of(TemplateStatus.DISABLED)))
                .isEqualTo(SendErrorRules.Verdict.TEMPLATE_NOT_SENDABLE);
        assertThat(SendErrorRules.confirmed(new StatusEvent.Unrecognised("SOMETHING_NEW")))
                .isEqualTo(SendErrorRules.Verdict.UNDECIDED);
        assertThat(HoldCause.SEND_ERROR.isLiftedByPerson()).isFalse();
        assertThat(HoldCause.PORTFOLIO_PACING.isLiftedByPerson()).isTrue();
    }

    @Test
    void a_persons_resume_lifts_a_send_error_hold_meta_could_not_confirm_but_never_a_template_status_one() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.SEND_ERROR, "TEMPLATE_PAUSED", T0));

        campaign.resumeBy("alice", T0.plusSeconds(1));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);

        campaign.place(Hold.bySystem(HoldCause.SEND_ERROR, "TEMPLATE_PAUSED", T0.plusSeconds(2)));
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0.plusSeconds(3)));
        campaign.resumeBy("alice", T0.plusSeconds(4));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.snapshot().holds()).extracting(Hold::cause).containsExactly(HoldCause.TEMPLATE_STATUS);
        assertThatThrownBy(() -> campaign.resumeBy("alice", T0.plusSeconds(5))).isInstanceOf(CampaignHeld.class);
    }

    @Test
    void an_organisation_that_resumes_by_hand_gets_a_hold_a_person_lifts() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0));

        campaign.lift(HoldCause.TEMPLATE_STATUS, false, T0.plusSeconds(1));

        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.snapshot().holds()).extracting(Hold::cause).containsExactly(HoldCause.AWAITING_RESUME);
        campaign.resumeBy("alice", T0.plusSeconds(2));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_draft_keeps_its_holds_and_cannot_start_before_consent() {
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);
        campaign.lift(HoldCause.TEMPLATE_STATUS, true, T0);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);

        assertThatThrownBy(() -> campaign.start(TemplateStatus.APPROVED, true, T0.plusSeconds(1)))
                .isInstanceOf(CategoryConsentPending.class).hasMessageContaining("CATEGORY_CHANGED");
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void a_hold_for_a_new_status_keeps_its_since_and_records_the_update() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0));
        assertThat(campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0.plusSeconds(5)))).isEmpty();

        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "DISABLED", T0.plusSeconds(9)));

        Hold hold = campaign.snapshot().firstHold().orElseThrow();
        assertThat(hold.detail()).contains("DISABLED");
        assertThat(hold.since()).isEqualTo(T0);
        assertThat(campaign.holdChanges()).extracting(HoldRecord::action)
                .containsExactly(HoldRecord.Action.PLACED, HoldRecord.Action.UPDATED);
    }

    @Test
    void finished_campaigns_refuse_further_changes_and_take_no_holds() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.completeBy("alice", CampaignProgress.NONE, T0);

        assertThatThrownBy(() -> campaign.cancelBy("alice", T0)).isInstanceOf(CampaignTransitionRefused.class)
                .hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> campaign.pauseBy("alice", T0)).isInstanceOf(CampaignTransitionRefused.class);
        assertThat(campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0))).isEmpty();
        assertThat(campaign.status()).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void a_campaign_completes_only_when_none_of_its_sends_waits() {
        campaign.start(TemplateStatus.APPROVED, false, T0);

        assertThatThrownBy(() -> campaign.completeBy("alice", new CampaignProgress(7, 1, 0, 2, 0), T0))
                .isInstanceOf(CampaignTransitionRefused.class).hasMessageContaining("2 of its sends still wait");
        assertThatThrownBy(() -> campaign.completeBy("alice", new CampaignProgress(7, 1, 3, 0, 0), T0))
                .isInstanceOf(CampaignTransitionRefused.class).hasMessageContaining("3 of its sends");
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);

        assertThat(campaign.completeBy("alice", new CampaignProgress(7, 1, 0, 0, 2), T0.plusSeconds(1)))
                .containsExactly(new CampaignEvent.Finished(campaign.snapshot().organizationId(), campaign.id(),
                        CampaignStatus.COMPLETED, T0.plusSeconds(1)));
    }

    @Test
    void a_draft_cannot_complete() {
        assertThatThrownBy(() -> campaign.completeBy("alice", CampaignProgress.NONE, T0))
                .isInstanceOf(CampaignTransitionRefused.class).hasMessageContaining("DRAFT");
    }

    @Test
    void cancelling_a_held_campaign_lifts_its_holds_in_the_persons_name() {
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.pauseBy("alice", T0.plusSeconds(1));
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0.plusSeconds(2)));

        List<CampaignEvent> events = campaign.cancelBy("bob", T0.plusSeconds(3));

        assertThat(campaign.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(campaign.snapshot().holds()).isEmpty();
        assertThat(events).filteredOn(CampaignEvent.HoldLifted.class::isInstance).hasSize(2);
        assertThat(events).last().isInstanceOf(CampaignEvent.Finished.class);
        assertThat(campaign.holdChanges()).filteredOn(r -> r.action() == HoldRecord.Action.LIFTED)
                .allSatisfy(r -> assertThat(r.by()).contains("bob")).hasSize(2);
        assertThatThrownBy(() -> campaign.resumeBy("alice", T0.plusSeconds(4)))
                .isInstanceOf(CampaignTransitionRefused.class);
    }
}
