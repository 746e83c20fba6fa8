package dev.warden.application.port.in;

import dev.warden.domain.shared.DomainException;

/** The actor's role or organisation does not allow the request. */
public class AccessDenied extends DomainException {

    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }
}
