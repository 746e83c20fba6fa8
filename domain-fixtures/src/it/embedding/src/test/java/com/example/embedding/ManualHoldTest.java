package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.campaign.CampaignHeld;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.MetaEvent;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.PauseKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManualHoldTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId acme = warden.anOrganization("Acme");
    private final MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme));

    @Test
    void a_hold_placed_by_a_person_survives_the_templates_recovery() {
        CampaignId campaign = warden.aRunningCampaign(order);
        warden.holdByHand(campaign, "alice");

        warden.report(order, MetaReports.paused(PauseKind.FIRST, warden.clock.advance(Duration.ofMinutes(10))));
        assertThat(warden.campaign(campaign).holds()).extracting(Hold::cause)
                .containsExactlyInAnyOrder(HoldCause.MANUAL, HoldCause.TEMPLATE_STATUS);

        // Meta approves the template again: Warden lifts its own hold, never Alice's.
        warden.report(order, MetaReports.event(MetaEvent.APPROVED, warden.clock.advance(Duration.ofHours(3))));
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(warden.campaign(campaign).holds()).singleElement().satisfies(hold -> {
            assertThat(hold.cause()).isEqualTo(HoldCause.MANUAL);
            assertThat(hold.by()).contains("alice");
        });

        // Only a person releases it.
        warden.release(campaign, "alice");
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_person_cannot_release_what_only_warden_holds() {
        CampaignId campaign = warden.aRunningCampaign(order);
        warden.report(order, MetaReports.event(MetaEvent.DISABLED, warden.clock.advance(Duration.ofMinutes(1))));

        assertThatThrownBy(() -> warden.release(campaign, "alice"))
                .isInstanceOf(CampaignHeld.class)
                .hasMessageContaining("TEMPLATE_STATUS");
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
    }
}
