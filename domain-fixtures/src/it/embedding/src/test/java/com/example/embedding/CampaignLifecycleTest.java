package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CampaignLifecycleTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId acme = warden.anOrganization("Acme");

    @Test
    void a_paused_template_holds_its_campaign_until_meta_approves_it_again() {
        MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme).withStatus(TemplateStatus.PENDING));

        // Meta approves the template five minutes later; a campaign starts sending it.
        warden.report(order, MetaReports.event(MetaEvent.APPROVED, warden.clock.advance(Duration.ofMinutes(5))));
        CampaignId campaign = warden.aRunningCampaign(order);

        // Quality turned red and Meta paused the template for three hours: the campaign is held.
        warden.report(order, MetaReports.paused(PauseKind.FIRST, warden.clock.advance(Duration.ofHours(1))));
        assertThat(warden.template(order).status()).isEqualTo(TemplateStatus.PAUSED);
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(warden.campaign(campaign).holds()).extracting(Hold::cause)
                .containsExactly(HoldCause.TEMPLATE_STATUS);

        // Meta unpauses a template by sending APPROVED again: the hold is lifted and the campaign runs.
        warden.report(order, MetaReports.event(MetaEvent.APPROVED, warden.clock.advance(Duration.ofHours(3))));
        assertThat(warden.template(order).sendable()).isTrue();
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(warden.campaign(campaign).holds()).isEmpty();
    }

    @Test
    void a_campaign_does_not_start_on_a_template_meta_has_not_approved() {
        MessageTemplate draft = warden.store(TemplateFixtures.aTemplate().in(acme).withStatus(TemplateStatus.PENDING));

        assertThatThrownBy(() -> warden.aRunningCampaign(draft))
                .isInstanceOf(TemplateNotSendable.class)
                .hasMessageContaining("PENDING");
    }
}
