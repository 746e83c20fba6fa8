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

/** Web adapter: checks POST /login credentials against the users in the database (on the blocking pool). */
@Singleton
final class DatabaseAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    static final String ORGANIZATION_CLAIM = "organizationId";

    private final AuthenticateUserUseCase authenticateUser;

    DatabaseAuthenticationProvider(AuthenticateUserUseCase authenticateUser) {
        this.authenticateUser = authenticateUser;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        return authenticateUser.authenticate(credentials.getIdentity(), credentials.getSecret())
                .map(DatabaseAuthenticationProvider::success)
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
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
