package dev.warden.application.port.out;

import java.util.Objects;

/** A call to Meta's Graph API that gave no usable answer, classified by what the caller should do about it. */
public final class MetaCallFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller cares. */
    public enum Kind {
        /** Meta's rate limit (codes 4, 80007, 80008, 80012) or Warden's own call budget: try again later. */
        RATE_LIMITED(true),
        /** Network error, timeout or a 5xx: try again later. */
        UNAVAILABLE(true),
        /** The access token is expired, invalid or lacks permission (190, 10, 200-299): a person must act. */
        ACCESS_DENIED(false),
        /** Meta answered, but not with something Warden can read. */
        MALFORMED_RESPONSE(false),
        /** Meta refused the request for another reason (a 4xx with another code). */
        REFUSED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    public MetaCallFailed(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
