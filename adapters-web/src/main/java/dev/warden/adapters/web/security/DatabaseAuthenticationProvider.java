package dev.warden.adapters.web.security;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.AuthenticateUserUseCase;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Web adapter: checks POST /login credentials against the users in the database (on the blocking pool).
 * The login throttle is applied here, in the login action itself, rather than by a filter on a URL:
 * whatever path the router maps to the login action ({@code /login/}, ...) is throttled alike.
 */
@Singleton
final class DatabaseAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    static final String ORGANIZATION_CLAIM = "organizationId";

    private final AuthenticateUserUseCase authenticateUser;
    private final LoginThrottle throttle;

    DatabaseAuthenticationProvider(AuthenticateUserUseCase authenticateUser, LoginThrottle throttle) {
        this.authenticateUser = authenticateUser;
        this.throttle = throttle;
    }

    /** @throws TooManyFailedLogins (429) before any password check when the address or username failed too often */
    @Override
    public @NonNull AuthenticationResponse authenticate(HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        LoginThrottle.Attempt attempt = throttle.begin(client(request), credentials.getIdentity());
        Optional<Actor> actor;
        try {
            actor = authenticateUser.authenticate(credentials.getIdentity(), credentials.getSecret());
        } catch (RuntimeException e) {
            attempt.refund();   // never checked (e.g. no hashing slot free): not a failed guess
            throw e;
        }
        if (actor.isPresent()) {
            attempt.refund();
        }
        return actor.map(DatabaseAuthenticationProvider::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    private static String client(HttpRequest<?> request) {
        // The socket's address, not X-Forwarded-For: a header any client can set would defeat the limit.
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public String getExecutorName() {
        // Password hashing and the database lookup block; keep them off the event loop.
        return TaskExecutors.BLOCKING;
    }

    private static AuthenticationResponse success(Actor actor) {
        Map<String, Object> attributes = actor.organizationId()
                .<Map<String, Object>>map(org -> Map.of(ORGANIZATION_CLAIM, org.toString())).orElse(Map.of());
        return AuthenticationResponse.success(actor.username(), List.of(actor.role().name()), attributes);
    }
}
