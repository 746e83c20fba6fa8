package dev.warden.application.port.in;

import dev.warden.domain.shared.DomainException;

/** Warden was asked to call Meta but holds no access token to call it with. */
public class MetaAccessNotConfigured extends DomainException {

    private static final long serialVersionUID = 1L;

    public MetaAccessNotConfigured() {
        super("no access token for Meta is configured (WARDEN_META_ACCESS_TOKEN): Warden cannot read templates from Meta");
    }
}
