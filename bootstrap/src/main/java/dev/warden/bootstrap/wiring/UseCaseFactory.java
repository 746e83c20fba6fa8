package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.AcknowledgeAlertUseCase;
import dev.warden.application.port.in.ApplyTemplateChangeUseCase;
import dev.warden.application.port.in.AuthenticateUserUseCase;
import dev.warden.application.port.in.CompareTemplateVersionsUseCase;
import dev.warden.application.port.in.CreateCampaignUseCase;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.CreateTemplateUseCase;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.in.GetCampaignUseCase;
import dev.warden.application.port.in.GetTemplateHistoryUseCase;
import dev.warden.application.port.in.GetTemplateUseCase;
import dev.warden.application.port.in.ListAlertsUseCase;
import dev.warden.application.port.in.ListAuditLogUseCase;
import dev.warden.application.port.in.ListCampaignHoldsUseCase;
import dev.warden.application.port.in.ListTemplateVersionsUseCase;
import dev.warden.application.port.in.ListTemplatesUseCase;
import dev.warden.application.port.in.PauseCampaignUseCase;
import dev.warden.application.port.in.ProvisionAdminUseCase;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.application.port.in.ResumeCampaignUseCase;
import dev.warden.application.port.in.StartCampaignUseCase;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.AcknowledgeAlertService;
import dev.warden.application.service.ApplyTemplateChangeService;
import dev.warden.application.service.AuthenticateUserService;
import dev.warden.application.service.CompareTemplateVersionsService;
import dev.warden.application.service.CreateCampaignService;
import dev.warden.application.service.CreateOrganizationService;
import dev.warden.application.service.CreateTemplateService;
import dev.warden.application.service.CreateUserService;
import dev.warden.application.service.GetCampaignService;
import dev.warden.application.service.ListCampaignHoldsService;
import dev.warden.application.service.GetTemplateHistoryService;
import dev.warden.application.service.GetTemplateService;
import dev.warden.application.service.ListAlertsService;
import dev.warden.application.service.ListAuditLogService;
import dev.warden.application.service.ListTemplateVersionsService;
import dev.warden.application.service.ListTemplatesService;
import dev.warden.application.service.PauseCampaignService;
import dev.warden.application.service.ProvisionAdminService;
import dev.warden.application.service.RegisterWhatsAppAccountService;
import dev.warden.application.service.ResumeCampaignService;
import dev.warden.application.service.StartCampaignService;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.audit.AuditLog;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.governance.AlertAcknowledgement;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersionRepository;
import dev.warden.domain.user.UserRepository;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.Alerting;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the framework-free use cases from their ports: the only place application services are instantiated. */
@Factory
class UseCaseFactory {

    @Singleton
    ApplyTemplateChangeUseCase applyTemplateChange(TemplateGovernor governor, UnitOfWork unitOfWork,
                                                   DomainEventPublisher publisher, Clock clock) {
        return new ApplyTemplateChangeService(governor, unitOfWork, publisher, clock);
    }

    @Singleton
    CreateOrganizationUseCase createOrganization(OrganizationRepository organizations, UnitOfWork unitOfWork,
                                                 AuditTrail audit, Clock clock) {
        return new CreateOrganizationService(organizations, unitOfWork, audit, clock);
    }

    @Singleton
    RegisterWhatsAppAccountUseCase registerWhatsAppAccount(OrganizationRepository organizations,
                                                           WhatsAppAccountRepository accounts, WebhookInbox inbox,
                                                           Alerting alerting, UnitOfWork unitOfWork,
                                                           AuditTrail audit, Clock clock) {
        return new RegisterWhatsAppAccountService(organizations, accounts, inbox, alerting, unitOfWork, audit,
                clock);
    }

    @Singleton
    CreateUserUseCase createUser(OrganizationRepository organizations, UserRepository users, PasswordHasher hasher,
                                 UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        return new CreateUserService(organizations, users, hasher, unitOfWork, audit, clock);
    }

    @Singleton
    AuthenticateUserUseCase authenticateUser(UserRepository users, PasswordHasher hasher, UnitOfWork unitOfWork) {
        return new AuthenticateUserService(users, hasher, unitOfWork);
    }

    @Singleton
    ProvisionAdminUseCase provisionAdmin(OrganizationRepository organizations, UserRepository users,
                                         PasswordHasher hasher, UnitOfWork unitOfWork, Clock clock) {
        return new ProvisionAdminService(organizations, users, hasher, unitOfWork, clock);
    }

    @Singleton
    CreateTemplateUseCase createTemplate(WhatsAppAccountRepository accounts, TemplateRepository templates,
                                         TemplateVersionRepository versions, TemplateHistory history,
                                         UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        return new CreateTemplateService(accounts, templates, versions, history, unitOfWork, audit, clock);
    }

    @Singleton
    CompareTemplateVersionsUseCase compareTemplateVersions(TemplateRepository templates,
                                                           TemplateVersionRepository versions, UnitOfWork unitOfWork) {
        return new CompareTemplateVersionsService(templates, versions, unitOfWork);
    }

    @Singleton
    ListTemplateVersionsUseCase listTemplateVersions(TemplateRepository templates, TemplateVersionRepository versions,
                                                     UnitOfWork unitOfWork) {
        return new ListTemplateVersionsService(templates, versions, unitOfWork);
    }

    @Singleton
    GetTemplateUseCase getTemplate(TemplateRepository templates, UnitOfWork unitOfWork) {
        return new GetTemplateService(templates, unitOfWork);
    }

    @Singleton
    ListTemplatesUseCase listTemplates(TemplateRepository templates, UnitOfWork unitOfWork) {
        return new ListTemplatesService(templates, unitOfWork);
    }

    @Singleton
    GetTemplateHistoryUseCase getTemplateHistory(TemplateRepository templates, TemplateHistory history,
                                                 UnitOfWork unitOfWork) {
        return new GetTemplateHistoryService(templates, history, unitOfWork);
    }

    @Singleton
    CreateCampaignUseCase createCampaign(TemplateRepository templates, CampaignRepository campaigns,
                                         UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        return new CreateCampaignService(templates, campaigns, unitOfWork, audit, clock);
    }

    @Singleton
    StartCampaignUseCase startCampaign(TemplateRepository templates, CampaignRepository campaigns,
                                       UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                       Clock clock) {
        return new StartCampaignService(templates, campaigns, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    PauseCampaignUseCase pauseCampaign(CampaignRepository campaigns, UnitOfWork unitOfWork,
                                       DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        return new PauseCampaignService(campaigns, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    ResumeCampaignUseCase resumeCampaign(CampaignRepository campaigns, UnitOfWork unitOfWork,
                                         DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        return new ResumeCampaignService(campaigns, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    ListCampaignHoldsUseCase listCampaignHolds(CampaignRepository campaigns, UnitOfWork unitOfWork) {
        return new ListCampaignHoldsService(campaigns, unitOfWork);
    }

    @Singleton
    GetCampaignUseCase getCampaign(CampaignRepository campaigns, UnitOfWork unitOfWork) {
        return new GetCampaignService(campaigns, unitOfWork);
    }

    @Singleton
    AcknowledgeAlertUseCase acknowledgeAlert(AlertAcknowledgement acknowledgement, AlertRepository alerts,
                                             UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                             AuditTrail audit, Clock clock) {
        return new AcknowledgeAlertService(acknowledgement, alerts, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    ListAuditLogUseCase listAuditLog(AuditLog auditLog, UnitOfWork unitOfWork) {
        return new ListAuditLogService(auditLog, unitOfWork);
    }

    @Singleton
    ListAlertsUseCase listAlerts(AlertRepository alerts, UnitOfWork unitOfWork) {
        return new ListAlertsService(alerts, unitOfWork);
    }
}
