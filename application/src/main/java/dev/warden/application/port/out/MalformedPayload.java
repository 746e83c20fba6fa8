package dev.warden.application.port.out;

import dev.warden.domain.shared.DomainException;

/** A webhook body or change that cannot be read; retrying will not help. */
public class MalformedPayload extends DomainException {

    private static final long serialVersionUID = 1L;

    public MalformedPayload(String message) {
        super(message);
    }
}
