package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;
import java.util.Map;

/**
 * Use case implementation: register a WABA for an organisation; a WABA has one owner. Changes
 * that arrived for it before, kept as unroutable, go back into the inbox, and their alert resolves.
 */
public final class RegisterWhatsAppAccountService implements RegisterWhatsAppAccountUseCase {

    private final OrganizationRepository organizations;
    private final WhatsAppAccountRepository accounts;
    private final UnroutableChanges unroutable;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public RegisterWhatsAppAccountService(OrganizationRepository organizations, WhatsAppAccountRepository accounts,
                                          WebhookInbox inbox, Alerting alerting, UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.unroutable = new UnroutableChanges(inbox, alerting);
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public WhatsAppAccount registerWhatsAppAccount(Actor actor, RegisterWhatsAppAccountCommand command) {
        actor.requireSuperAdmin();
        WhatsAppAccount account = new WhatsAppAccount(command.organizationId(), command.wabaId(), command.name(),
                clock.instant());
        return unitOfWork.inTransaction(() -> {
            organizations.findById(command.organizationId())
                    .orElseThrow(() -> new NotFound("organisation", command.organizationId()));
            accounts.add(account);
            audit.record(actor, command.organizationId(), AuditAction.WHATSAPP_ACCOUNT_REGISTERED,
                    AuditResource.of(AuditResource.Kind.WHATSAPP_ACCOUNT, command.wabaId().value()), Map.of(),
                    Map.of("name", command.name()));
            // A batch that found no route may still commit after this; SweepUnroutableService catches those.
            unroutable.requeue(command.wabaId(), clock.instant());
            return account;
        });
    }
}
