package dev.warden.domain.organization;

import dev.warden.domain.shared.DomainException;

/** A WABA belongs to one organisation only; registering it for a second one is refused. */
public class WabaAlreadyOwned extends DomainException {

    private static final long serialVersionUID = 1L;

    public WabaAlreadyOwned(WabaId wabaId) {
        super("WhatsApp Business Account " + wabaId + " is already registered to another organisation");
    }
}
