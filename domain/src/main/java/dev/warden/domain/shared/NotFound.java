package dev.warden.domain.shared;

/** The thing asked for does not exist, or does not exist for the asking organisation. */
public class NotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
