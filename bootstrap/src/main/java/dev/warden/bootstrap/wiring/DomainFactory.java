package dev.warden.bootstrap.wiring;

import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.governance.AlertAcknowledgement;
import dev.warden.domain.governance.AutoResume;
import dev.warden.domain.governance.AutoPausePolicy;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersionRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Creates the clock, the policies and the domain services from the persistence adapters. */
@Factory
class DomainFactory {

    /** Microsecond ticks: what PostgreSQL keeps, so a stored instant reads back equal. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    EditPolicy editPolicy() {
        return EditPolicy.META_LIMITS;
    }

    @Singleton
    AutoPausePolicy autoPausePolicy() {
        return AutoPausePolicy.WHEN_NOT_SENDABLE;
    }

    @Singleton
    Alerting alerting(AlertRepository alerts, AlertNotices notices) {
        return new Alerting(alerts, notices);
    }

    @Singleton
    TemplateGovernor templateGovernor(TemplateRepository templates, TemplateHistory history,
                                      TemplateVersionRepository versions, QualityHistory quality,
                                      CampaignRepository campaigns, Alerting alerting,
                                      OrganizationRepository organizations, AutoPausePolicy autoPausePolicy) {
        return new TemplateGovernor(templates, history, versions, quality, campaigns, alerting,
                AutoResume.readFrom(organizations), autoPausePolicy);
    }

    @Singleton
    AlertAcknowledgement alertAcknowledgement(AlertRepository alerts, TemplateRepository templates,
                                              TemplateHistory history, CampaignRepository campaigns,
                                              OrganizationRepository organizations, AutoPausePolicy autoPausePolicy) {
        return new AlertAcknowledgement(alerts, templates, history, campaigns, organizations, autoPausePolicy);
    }
}
