package dev.warden.domain.shared;

/** An aggregate changed since it was loaded; the caller reloads and tries again. */
public class ConcurrentModification extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConcurrentModification(String what, Object id, long expectedRevision) {
        super(what + " " + id + " changed since revision " + expectedRevision + " was read");
    }

    /** Something else changed the same data at the same time; the message says what was refused. */
    public ConcurrentModification(String message) {
        super(message);
    }
}
