package dev.warden.adapters.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id a request's log lines carry: the caller's {@code X-Request-Id} when it is a short token of
 * safe characters (a proxy's or a load balancer's id, so lines correlate across hops), else a new
 * one. A caller's value goes into logs and a response header, so anything longer, empty or with
 * other characters (spaces, line breaks, quotes, markup) is replaced, never cleaned up.
 */
public final class RequestId {

    /** Letters, digits, dot, dash, underscore; at most 64: a UUID, a ULID, a trace id all fit. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {
    }

    /** {@code offered} if it is a safe token, else a new random UUID. */
    public static String accept(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
