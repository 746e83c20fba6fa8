package dev.warden.application.port.in;

import dev.warden.domain.organization.WhatsAppAccount;

/** Use case: a super admin assigns a WABA to an organisation, so its webhooks can be routed. */
public interface RegisterWhatsAppAccountUseCase {

    WhatsAppAccount registerWhatsAppAccount(Actor actor, RegisterWhatsAppAccountCommand command);
}
