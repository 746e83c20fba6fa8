package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListWhatsAppAccountsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Use case implementation: an organisation's WABAs; another organisation is not found. */
public final class ListWhatsAppAccountsService implements ListWhatsAppAccountsUseCase {

    private final OrganizationDirectory directory;
    private final WhatsAppAccountRepository accounts;
    private final UnitOfWork unitOfWork;

    public ListWhatsAppAccountsService(OrganizationRepository organizations, WhatsAppAccountRepository accounts,
                                       UnitOfWork unitOfWork) {
        this.directory = new OrganizationDirectory(organizations);
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<WhatsAppAccount> listWhatsAppAccounts(Actor actor, OrganizationId organizationId, PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            directory.requireVisible(actor, organizationId);
            return accounts.findByOrganization(organizationId, page);
        });
    }
}
