package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.AcknowledgeTemplateAlertsUseCase;
import dev.warden.application.port.in.AllowCategoryChangeUseCase;
import dev.warden.application.port.in.GetCategoryInfoUseCase;
import dev.warden.application.port.in.ListCampaignsUseCase;
import dev.warden.application.port.in.ListCategoryChangesUseCase;
import dev.warden.application.port.in.ListOrganizationsUseCase;
import dev.warden.application.port.in.ListTemplateCampaignsUseCase;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.ListWhatsAppAccountsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.AcknowledgeTemplateAlertsService;
import dev.warden.application.service.AllowCategoryChangeService;
import dev.warden.application.service.GetCategoryInfoService;
import dev.warden.application.service.ListCampaignsService;
import dev.warden.application.service.ListCategoryChangesService;
import dev.warden.application.service.ListOrganizationsService;
import dev.warden.application.service.ListTemplateCampaignsService;
import dev.warden.application.service.ListUsersService;
import dev.warden.application.service.ListWhatsAppAccountsService;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.governance.AlertAcknowledgement;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.user.UserRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the use cases of the admin API's category, alert, campaign and directory views. */
@Factory
class AdministrationFactory {

    @Singleton
    GetCategoryInfoUseCase getCategoryInfo(TemplateRepository templates, TemplateHistory history,
                                           UnitOfWork unitOfWork) {
        return new GetCategoryInfoService(templates, history, unitOfWork);
    }

    @Singleton
    AllowCategoryChangeUseCase allowCategoryChange(TemplateRepository templates, TemplateHistory history,
                                                   UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        return new AllowCategoryChangeService(templates, history, unitOfWork, audit, clock);
    }

    @Singleton
    ListCategoryChangesUseCase listCategoryChanges(TemplateHistory history, UnitOfWork unitOfWork) {
        return new ListCategoryChangesService(history, unitOfWork);
    }

    @Singleton
    AcknowledgeTemplateAlertsUseCase acknowledgeTemplateAlerts(AlertAcknowledgement acknowledgement,
                                                               TemplateRepository templates, AlertRepository alerts,
                                                               UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                                               AuditTrail audit, Clock clock) {
        return new AcknowledgeTemplateAlertsService(acknowledgement, templates, alerts, unitOfWork, publisher, audit,
                clock);
    }

    @Singleton
    ListCampaignsUseCase listCampaigns(CampaignRepository campaigns, UnitOfWork unitOfWork) {
        return new ListCampaignsService(campaigns, unitOfWork);
    }

    @Singleton
    ListTemplateCampaignsUseCase listTemplateCampaigns(TemplateRepository templates, CampaignRepository campaigns,
                                                       UnitOfWork unitOfWork) {
        return new ListTemplateCampaignsService(templates, campaigns, unitOfWork);
    }

    @Singleton
    ListOrganizationsUseCase listOrganizations(OrganizationRepository organizations, UnitOfWork unitOfWork) {
        return new ListOrganizationsService(organizations, unitOfWork);
    }

    @Singleton
    ListWhatsAppAccountsUseCase listWhatsAppAccounts(OrganizationRepository organizations,
                                                     WhatsAppAccountRepository accounts, UnitOfWork unitOfWork) {
        return new ListWhatsAppAccountsService(organizations, accounts, unitOfWork);
    }

    @Singleton
    ListUsersUseCase listUsers(OrganizationRepository organizations, UserRepository users, UnitOfWork unitOfWork) {
        return new ListUsersService(organizations, users, unitOfWork);
    }
}
