package dev.warden.adapters.web.security;

import java.time.Duration;

/** A login refused before its password was checked: the address or the username failed too often. */
final class TooManyFailedLogins extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    TooManyFailedLogins(String reason, Duration retryAfter) {
        super(reason + "; try again in " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
