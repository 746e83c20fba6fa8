package dev.warden.application.port.in;

import dev.warden.domain.shared.DomainException;

/** Warden was asked to call Meta but holds no access token to call it with. */
public class MetaAccessNotConfigured extends DomainException {

    private static final long serialVersionUID = 1L;

    public MetaAccessNotConfigured() {
        this("read templates from Meta");
    }

    /** @param action what Warden cannot do without the token, e.g. "submit templates to Meta" */
    public MetaAccessNotConfigured(String action) {
        super("no access token for Meta is configured (WARDEN_META_ACCESS_TOKEN): Warden cannot " + action);
    }
}
