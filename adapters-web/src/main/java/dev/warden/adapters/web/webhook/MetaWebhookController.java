package dev.warden.adapters.web.webhook;

import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.out.DeliveryNotStored;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook adapter: Meta's callback URL. The handshake echoes the challenge for the right verify
 * token; a delivery is checked against its signature on the raw bytes before anything reads it,
 * stored in one insert, and answered 200. Processing happens later, from the inbox. While Warden stops,
 * deliveries are answered 503 unread ({@link WebhookIntake}): Meta sends them again.
 */
@Controller("/webhooks/meta")
@Secured(SecurityRule.IS_ANONYMOUS)
class MetaWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhookController.class);

    private final MetaWebhookConfiguration configuration;
    private final WebhookSignature signature;
    private final ReceiveWebhookUseCase receive;
    private final ErrorResponseProcessor<?> errors;
    private final WebhookIntake intake;

    MetaWebhookController(MetaWebhookConfiguration configuration, WebhookSignature signature,
                          ReceiveWebhookUseCase receive, ErrorResponseProcessor<?> errors, WebhookIntake intake) {
        this.intake = intake;
        this.configuration = configuration;
        this.signature = signature;
        this.receive = receive;
        this.errors = errors;
    }

    /** The challenge echoed as plain text, as Meta reads it; a refusal is a problem like every other error. */
    @Get(produces = MediaType.TEXT_PLAIN)
    HttpResponse<?> verify(HttpRequest<?> request, @QueryValue("hub.mode") @Nullable String mode,
                           @QueryValue("hub.verify_token") @Nullable String token,
                           @QueryValue("hub.challenge") @Nullable String challenge) {
        if (!"subscribe".equals(mode) || !tokenMatches(token)) {
            return problem(request, HttpStatus.FORBIDDEN, "not a subscription with the verify token");
        }
        if (challenge == null || challenge.isEmpty()) {
            return problem(request, HttpStatus.BAD_REQUEST, "hub.challenge is missing");
        }
        return HttpResponse.ok(challenge);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> deliver(HttpRequest<?> request, @Body @Nullable byte[] body,
                            @Header("X-Hub-Signature-256") @Nullable String signatureHeader) {
        if (!intake.admit()) {
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "Warden is stopping; deliver this again later");
        }
        try {
            return store(request, body, signatureHeader);
        } finally {
            intake.done();
        }
    }

    private HttpResponse<?> store(HttpRequest<?> request, @Nullable byte[] body, @Nullable String signatureHeader) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.matches(raw, signatureHeader)) {
            receive.refused(signatureHeader == null ? ReceiveWebhookUseCase.Refusal.SIGNATURE_MISSING
                    : ReceiveWebhookUseCase.Refusal.SIGNATURE_MISMATCH);
            return problem(request, HttpStatus.UNAUTHORIZED, signatureHeader == null
                    ? "X-Hub-Signature-256 is missing" : "X-Hub-Signature-256 does not match the body");
        }
        ReceiveWebhookUseCase.Receipt receipt;
        try {
            receipt = receive.receive(raw, signatureHeader);
        } catch (DeliveryNotStored e) {
            // Nothing was stored: Meta must retry, and 503 says it is Warden's state, not the payload.
            LOG.warn("Webhook delivery answered 503: {} ({})", e.getMessage(), String.valueOf(e.getCause()));
            return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "the delivery could not be stored");
        }
        if (!receipt.accepted()) {
            return problem(request, HttpStatus.BAD_REQUEST, "delivery " + receipt.deliveryId()
                    + " is kept for inspection: " + receipt.problem());
        }
        return HttpResponse.ok(Map.of("received", receipt.deliveryId()));
    }

    private boolean tokenMatches(String token) {
        String expected = configuration.getVerifyToken();
        // An empty token, configured or given, never matches.
        return token != null && !token.isEmpty() && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, String detail) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status));
    }
}
