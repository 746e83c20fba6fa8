package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;

/** Use case implementation: register a WABA for an organisation; a WABA has one owner. */
public final class RegisterWhatsAppAccountService implements RegisterWhatsAppAccountUseCase {

    private final OrganizationRepository organizations;
    private final WhatsAppAccountRepository accounts;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public RegisterWhatsAppAccountService(OrganizationRepository organizations, WhatsAppAccountRepository accounts,
                                          UnitOfWork unitOfWork, Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
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
            return account;
        });
    }
}
