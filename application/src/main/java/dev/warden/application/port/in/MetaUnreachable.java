package dev.warden.application.port.in;

import dev.warden.domain.shared.DomainException;

/**
 * Meta could not be asked (network, 5xx, rate limit) or gave an answer Warden cannot read. The
 * change may or may not have reached Meta; the next reconciliation tells, so nothing was changed in
 * Warden and the request may be repeated later.
 */
public class MetaUnreachable extends DomainException {

    private static final long serialVersionUID = 1L;

    public MetaUnreachable(String reason) {
        super(reason);
    }
}
