package dev.warden.adapters.web.admin;

import dev.warden.domain.organization.WhatsAppAccount;
import io.micronaut.serde.annotation.Serdeable;

/** A WABA registration as the API shows it. */
@Serdeable
record WhatsAppAccountResponse(String organizationId, String wabaId, String name, String registeredAt) {

    static WhatsAppAccountResponse from(WhatsAppAccount account) {
        return new WhatsAppAccountResponse(account.organizationId().toString(), account.wabaId().value(),
                account.name(), account.registeredAt().toString());
    }
}
