package dev.warden.domain.campaign;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private final Campaign campaign = Campaign.draft(CampaignId.random(), OrganizationId.random(), "Spring sale",
            TemplateId.random(), T0);

    @Test
    void starting_needs_a_sendable_template_and_names_its_status() {
        assertThatThrownBy(() -> campaign.start(TemplateStatus.PAUSED, T0))
                .isInstanceOf(TemplateNotSendable.class).hasMessageContaining("PAUSED");
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);

        campaign.start(TemplateStatus.APPROVED, T0);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void warden_resumes_its_own_pauses_but_never_a_persons() {
        campaign.start(TemplateStatus.APPROVED, T0);
        campaign.pauseForTemplate(PauseReason.TEMPLATE_PAUSED, T0);
        assertThat(campaign.snapshot().pausedBy()).contains(PausedBy.SYSTEM);
        assertThat(campaign.resumeForTemplate(PauseReason.TEMPLATE_STATUS_REASONS, T0)).isPresent();

        campaign.pauseBy("alice", T0);
        assertThat(campaign.resumeForTemplate(PauseReason.TEMPLATE_STATUS_REASONS, T0)).isEmpty();
        assertThat(campaign.snapshot().pausedBy()).contains(PausedBy.user("alice"));
        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
    }

    @Test
    void a_template_pause_leaves_campaigns_that_are_not_running_alone() {
        assertThat(campaign.pauseForTemplate(PauseReason.TEMPLATE_DISABLED, T0)).isEmpty();
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);
    }

    @Test
    void a_person_cannot_resume_while_the_template_is_not_sendable() {
        campaign.start(TemplateStatus.APPROVED, T0);
        campaign.pauseBy("alice", T0);

        assertThatThrownBy(() -> campaign.resumeBy(TemplateStatus.DISABLED, T0)).isInstanceOf(TemplateNotSendable.class);
        campaign.resumeBy(TemplateStatus.APPROVED, T0);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void finished_campaigns_refuse_further_changes() {
        campaign.start(TemplateStatus.APPROVED, T0);
        campaign.complete(T0);

        assertThatThrownBy(() -> campaign.cancel(T0)).isInstanceOf(CampaignTransitionRefused.class)
                .hasMessageContaining("COMPLETED");
        assertThatThrownBy(() -> campaign.pauseBy("alice", T0)).isInstanceOf(CampaignTransitionRefused.class);
        assertThat(campaign.resumeForTemplate(Set.of(PauseReason.TEMPLATE_PAUSED), T0)).isEmpty();
    }

    @Test
    void every_status_that_stops_sends_has_a_pause_reason() {
        for (TemplateStatus status : TemplateStatus.values()) {
            if (!status.isSendable() && status != TemplateStatus.DRAFT) {
                assertThat(PauseReason.forTemplateStatus(status).name()).isEqualTo("TEMPLATE_" + status.name());
                assertThat(PauseReason.TEMPLATE_STATUS_REASONS).contains(PauseReason.forTemplateStatus(status));
            }
        }
    }
}
