package dev.warden.domain;

import dev.warden.domain.template.PauseKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemplateLifecycleExample {

    @Test
    void a_paused_template_pauses_its_campaign_until_meta_approves_it_again() {
        InMemoryGovernance warden = new InMemoryGovernance();
        OrganizationId acme = warden.anOrganization("Acme");
        TemplateFixtures.Builder order = TemplateFixtures.aTemplate().in(acme).withStatus(TemplateStatus.PENDING);
        TemplateKey key = order.key();
        MessageTemplate template = warden.store(order.build());

        // Meta approves the template; a campaign starts sending it.
        warden.report(acme, key, MetaReports.status(TemplateStatus.APPROVED, warden.clock.advance(Duration.ofMinutes(5))));
        CampaignId campaign = warden.aRunningCampaign(acme, template.id());

        // Quality turned red and Meta paused the template: the campaign is held.
        warden.report(acme, key, MetaReports.paused(PauseKind.FIRST, "FIRST_PAUSE", warden.clock.advance(Duration.ofHours(1))));
        assertThat(warden.template(acme, template.id()).status()).isEqualTo(TemplateStatus.PAUSED);
        assertThat(warden.campaign(acme, campaign).firstHold().orElseThrow().cause())
                .isEqualTo(HoldCause.TEMPLATE_STATUS);

        // Three hours later Meta unpauses it (as APPROVED): the hold is lifted and the campaign runs again.
        warden.report(acme, key, MetaReports.status(TemplateStatus.APPROVED, warden.clock.advance(Duration.ofHours(3))));
        assertThat(warden.template(acme, template.id()).sendable()).isTrue();
        assertThat(warden.campaigns.findById(acme, campaign).orElseThrow().status())
                .isEqualTo(CampaignStatus.RUNNING);
    }
}
