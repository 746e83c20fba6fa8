package dev.warden.adapters.web.webhook;

import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.out.DeliveryNotStored;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.PropagatedContext;
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
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook adapter: Meta's callback URL. The handshake echoes the challenge for the right verify
 * token; a delivery is checked against its signature on the raw bytes before anything reads it,
 * stored with the deliveries that arrive with it (group commit), and answered 200 once committed.
 * Processing happens later, from the inbox. While Warden stops, deliveries are answered 503 unread
 * ({@link WebhookIntake}): Meta sends them again.
 */
@Controller("/webhooks/meta")
@Secured(SecurityRule.IS_ANONYMOUS)
class MetaWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhookController.class);
    /**
     * Largest body checked and split on the event loop. Meta's template and message webhooks are a few KB; a batch of
     * many entries (up to 3 MB) would keep the event loop from its other connections while it is checked and split.
     */
    static final int SPLIT_ON_THE_EVENT_LOOP_UP_TO = 16 * 1024;

    private final MetaWebhookConfiguration configuration;
    private final WebhookSignature signature;
    private final ReceiveWebhookUseCase receive;
    private final ErrorResponseProcessor<?> errors;
    private final WebhookIntake intake;
    private final Executor blocking;

    MetaWebhookController(MetaWebhookConfiguration configuration, WebhookSignature signature,
                          ReceiveWebhookUseCase receive, ErrorResponseProcessor<?> errors, WebhookIntake intake,
                          @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.intake = intake;
        this.blocking = blocking;
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

    /**
     * Answers once the delivery is committed, and no thread waits for the commit meanwhile (ADR 0027). A body of
     * Meta's usual size is checked and split on the event loop, a larger one on the blocking executor.
     */
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletionStage<HttpResponse<?>> deliver(HttpRequest<?> request, @Body @Nullable byte[] body,
                                             @Header("X-Hub-Signature-256") @Nullable String signatureHeader) {
        if (!intake.admit()) {
            return CompletableFuture.completedStage(
                    problem(request, HttpStatus.SERVICE_UNAVAILABLE, "Warden is stopping; deliver this again later"));
        }
        PropagatedContext context = PropagatedContext.getOrEmpty();
        CompletionStage<HttpResponse<?>> answer;
        try {
            answer = body != null && body.length > SPLIT_ON_THE_EVENT_LOOP_UP_TO
                    ? CompletableFuture.supplyAsync(() -> context.propagate(() -> store(request, body, signatureHeader)),
                            blocking).thenCompose(Function.identity())
                    : store(request, body, signatureHeader);
        } catch (RuntimeException | Error e) {
            intake.done();
            throw e;
        }
        return answer.whenComplete((response, failure) -> intake.done());
    }

    private CompletionStage<HttpResponse<?>> store(HttpRequest<?> request, @Nullable byte[] body,
                                                   @Nullable String signatureHeader) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.matches(raw, signatureHeader)) {
            receive.refused(signatureHeader == null ? ReceiveWebhookUseCase.Refusal.SIGNATURE_MISSING
                    : ReceiveWebhookUseCase.Refusal.SIGNATURE_MISMATCH);
            return CompletableFuture.completedStage(problem(request, HttpStatus.UNAUTHORIZED, signatureHeader == null
                    ? "X-Hub-Signature-256 is missing" : "X-Hub-Signature-256 does not match the body"));
        }
        // The answer is built on the thread that completes the stage: the request's id goes with it into the log.
        PropagatedContext context = PropagatedContext.getOrEmpty();
        return receive.receive(raw, signatureHeader).handle((receipt, failure) -> {
            if (failure != null) {
                try (PropagatedContext.Scope ignored = context.propagate()) {
                    return notStored(request, failure);
                }
            }
            if (!receipt.accepted()) {
                return problem(request, HttpStatus.BAD_REQUEST, "delivery " + receipt.deliveryId()
                        + " is kept for inspection: " + receipt.problem());
            }
            return HttpResponse.ok(Map.of("received", receipt.deliveryId()));
        });
    }

    /** Nothing was stored: Meta must retry, and 503 says it is Warden's state, not the payload. */
    private HttpResponse<?> notStored(HttpRequest<?> request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (!(cause instanceof DeliveryNotStored notStored)) {
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        }
        LOG.warn("Webhook delivery answered 503: {} ({})", notStored.getMessage(), String.valueOf(notStored.getCause()));
        return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "the delivery could not be stored");
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
