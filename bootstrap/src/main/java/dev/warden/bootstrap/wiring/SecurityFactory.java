package dev.warden.bootstrap.wiring;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.adapters.web.live.EventTickets;
import dev.warden.application.port.out.InstanceSettings;
import dev.warden.application.port.out.UnitOfWork;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The JWT signing key (HS256). It comes from {@code warden.jwt.secret} (env WARDEN_JWT_SECRET);
 * with the embedded database and no configured secret, one is generated per database and kept
 * there, so tokens survive restarts. Never a constant in code. Secrets it was rotated from
 * ({@code warden.jwt.previous-secrets}) still verify the tokens they signed, and sign nothing. The
 * signing bean is typed by the interface on purpose: a factory returning {@link SecretSignature} would
 * inherit its per-configuration
 * wiring and need {@code micronaut.security.token.jwt.signatures.secret.*} properties.
 */
@Factory
class SecurityFactory {

    static final int MIN_SECRET_LENGTH = 32;
    static final String GENERATED_SECRET = "jwt.signing-secret";
    static final String EVENT_TICKET_KEY = "live.ticket-key";

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration jwtSignature(@Value("${warden.jwt.secret:}") String configured,
                                 @Value("${warden.database.embedded:false}") boolean embeddedDatabase,
                                 InstanceSettings settings, UnitOfWork unitOfWork) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret(configured, embeddedDatabase, settings, unitOfWork));
        return new SecretSignature(configuration);
    }

    /**
     * The secrets the signing key was rotated from: a token one of them signed is still accepted until it
     * expires, so a rotation signs no one out. Micronaut accepts a token any signature bean verifies. Made
     * at start-up, so a secret too short stops the start instead of a request.
     */
    @Context
    @Named("previous")
    @Requires(property = "warden.jwt.previous-secrets", pattern = ".*\\S.*")
    SignatureConfiguration previousJwtSignatures(@Value("${warden.jwt.previous-secrets}") List<String> secrets) {
        List<SecretSignature> previous = secrets.stream().map(String::strip).filter(secret -> !secret.isEmpty())
                .map(secret -> {
                    if (secret.length() < MIN_SECRET_LENGTH) {
                        throw new ConfigurationException("each of WARDEN_JWT_PREVIOUS_SECRETS must be at least "
                                + MIN_SECRET_LENGTH + " characters");
                    }
                    SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("previous");
                    configuration.setSecret(secret);
                    return new SecretSignature(configuration);
                }).toList();
        return new AnyOf(previous);
    }

    /** Verifies what any of its signatures verifies. */
    private record AnyOf(List<SecretSignature> signatures) implements SignatureConfiguration {

        @Override
        public String supportedAlgorithmsMessage() {
            return signatures.isEmpty() ? "none" : signatures.get(0).supportedAlgorithmsMessage();
        }

        @Override
        public boolean supports(JWSAlgorithm algorithm) {
            return signatures.stream().anyMatch(signature -> signature.supports(algorithm));
        }

        @Override
        public boolean verify(SignedJWT jwt) throws JOSEException {
            for (SecretSignature signature : signatures) {
                if (signature.supports(jwt.getHeader().getAlgorithm()) && signature.verify(jwt)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The key of the live socket's tickets: random, made once and kept in the database, so every
     * instance accepts the tickets of every other; distinct from the JWT secret, so no ticket is a token.
     */
    @Singleton
    EventTickets eventTickets(InstanceSettings settings, UnitOfWork unitOfWork) {
        String key = unitOfWork.inTransaction(() -> settings.getOrCreate(EVENT_TICKET_KEY,
                SecurityFactory::randomSecret));
        return new EventTickets(Base64.getUrlDecoder().decode(key));
    }

    private static String secret(String configured, boolean embeddedDatabase, InstanceSettings settings,
                                 UnitOfWork unitOfWork) {
        if (!configured.isBlank()) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new ConfigurationException("WARDEN_JWT_SECRET must be at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
            return configured;
        }
        if (!embeddedDatabase) {
            throw new ConfigurationException("set WARDEN_JWT_SECRET (at least " + MIN_SECRET_LENGTH
                    + " characters) to sign login tokens; only the embedded database generates one itself");
        }
        return unitOfWork.inTransaction(() -> settings.getOrCreate(GENERATED_SECRET, SecurityFactory::randomSecret));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
