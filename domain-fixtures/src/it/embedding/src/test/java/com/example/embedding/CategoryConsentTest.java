package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.CategoryConsentPending;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CategoryConsentTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId acme = warden.anOrganization("Acme");

    @Test
    void a_recategorised_template_holds_its_campaigns_until_someone_consents() {
        MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme)
                .withCategory(TemplateCategory.UTILITY));
        CampaignId campaign = warden.aRunningCampaign(order);

        warden.report(order, MetaReports.categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING,
                warden.clock.advance(Duration.ofMinutes(1))));

        assertThat(warden.campaign(campaign).holds()).extracting(Hold::cause)
                .containsExactly(HoldCause.CATEGORY_CHANGE);
        assertThatThrownBy(() -> warden.aRunningCampaign(order)).isInstanceOf(CategoryConsentPending.class);

        // Acknowledging the CATEGORY_CHANGED alert is the consent: the hold is lifted.
        AlertSnapshot changed = warden.openAlerts(order).stream()
                .filter(alert -> alert.type() == AlertType.CATEGORY_CHANGED).findFirst().orElseThrow();
        warden.acknowledge(changed, "alice");

        assertThat(warden.template(order).category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_template_that_allows_recategorisation_keeps_its_campaigns_running() {
        MessageTemplate relaxed = warden.store(TemplateFixtures.aTemplate().in(acme)
                .withCategory(TemplateCategory.UTILITY).allowingCategoryChange());
        CampaignId campaign = warden.aRunningCampaign(relaxed);

        warden.report(relaxed, MetaReports.categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING,
                warden.clock.advance(Duration.ofMinutes(1))));

        assertThat(warden.template(relaxed).category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(warden.campaign(campaign).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(warden.openAlerts(relaxed)).isEmpty();
    }
}
