package dev.warden.application.port.in;

import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Query: the WABAs of an organisation; members see their own, super admins any. */
public interface ListWhatsAppAccountsUseCase {

    Page<WhatsAppAccount> listWhatsAppAccounts(Actor actor, OrganizationId organizationId, PageRequest page);
}
