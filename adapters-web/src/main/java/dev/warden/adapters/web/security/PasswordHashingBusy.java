package dev.warden.adapters.web.security;

/** Every password hashing slot stayed taken for the whole wait: the server is busy, the caller may retry. */
public final class PasswordHashingBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PasswordHashingBusy() {
        super("too many sign-ins are being checked right now; try again in a moment", null, false, false);
    }
}
