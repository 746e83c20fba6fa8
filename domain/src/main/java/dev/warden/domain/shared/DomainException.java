package dev.warden.domain.shared;

/** A business rule refused a request. The message names the entity, the value and the rule. */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }
}
