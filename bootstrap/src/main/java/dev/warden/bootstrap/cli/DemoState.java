package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.GetCampaignUseCase;
import dev.warden.application.port.in.ListAlertsUseCase;
import dev.warden.application.port.in.ListTemplatesUseCase;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateSnapshot;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the demo shows after each step, read back through Warden's own use cases (as the API reads
 * it): the templates, the campaign with its holds, and the organisation's alerts; in plain lines.
 */
final class DemoState {

    private static final PageRequest ALL = new PageRequest(0, PageRequest.MAX_SIZE);

    private final ListTemplatesUseCase templates;
    private final GetCampaignUseCase campaigns;
    private final ListAlertsUseCase alerts;
    private final OrganizationId organization;

    DemoState(ApplicationContext context, OrganizationId organization) {
        this.templates = context.getBean(ListTemplatesUseCase.class);
        this.campaigns = context.getBean(GetCampaignUseCase.class);
        this.alerts = context.getBean(ListAlertsUseCase.class);
        this.organization = organization;
    }

    List<TemplateSnapshot> templates() {
        return templates.listTemplates(WardenCommand.OPERATOR, TemplateFilter.of(organization), ALL).items();
    }

    Optional<TemplateSnapshot> template(String name) {
        return templates().stream().filter(template -> template.name().value().equals(name)).findFirst();
    }

    CampaignSnapshot campaign(CampaignId id) {
        return campaigns.getCampaign(WardenCommand.OPERATOR, Optional.of(organization), id);
    }

    List<AlertSnapshot> alerts() {
        return alerts.listAlerts(WardenCommand.OPERATOR,
                new AlertFilter(Optional.of(organization), Optional.empty(), Optional.empty()), ALL).items();
    }

    static String describe(TemplateSnapshot template) {
        return "template %-21s %s, quality %s".formatted(template.name().value(), template.status(),
                template.quality());
    }

    static String describe(CampaignSnapshot campaign) {
        String holds = campaign.holds().isEmpty() ? "no holds"
                : "held by " + campaign.holds().stream().map(DemoState::describe).collect(Collectors.joining(", "));
        return "campaign \"%s\": %s, %s".formatted(campaign.name(), campaign.status(), holds);
    }

    private static String describe(Hold hold) {
        return hold.cause() + hold.detail().map(detail -> " (" + detail + ")").orElse("")
                + (hold.by().isEmpty() ? " (Warden's)" : " (placed by " + hold.by().get() + ")");
    }

    static String describe(AlertSnapshot alert) {
        return "alert %s %s, %s: %s".formatted(alert.type(), alert.state(), alert.severity(), alert.message());
    }
}
