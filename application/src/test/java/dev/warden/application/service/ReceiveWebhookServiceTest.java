package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.in.ReceiveWebhookUseCase.Receipt;
import dev.warden.application.port.out.DeliveryNotStored;
import dev.warden.application.port.out.WebhookMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The intake load the inbox workers give way to (POSTs count while they are being stored, and only then), and the delivery counts operators see. */
class ReceiveWebhookServiceTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    private final List<Integer> seenWhileStoring = new ArrayList<>();
    private final CountingWebhookMetrics metrics = new CountingWebhookMetrics();
    private ReceiveWebhookService service;

    @Test
    void a_post_counts_as_in_flight_until_it_is_committed_and_no_longer_once_answered() {
        CompletableFuture<Long> commit = new CompletableFuture<>();
        service = new ReceiveWebhookService(body -> List.of(), (body, signature, at, reason, changes) -> {
            seenWhileStoring.add(service.inFlight());
            return commit;
        }, metrics, Clock.systemUTC());

        assertThat(service.inFlight()).isZero();
        CompletableFuture<Receipt> receipt = service.receive(BODY, "sha256=00").toCompletableFuture();
        assertThat(receipt).isNotDone();
        assertThat(service.inFlight()).as("handed to the store, not yet committed").isEqualTo(1);
        commit.complete(7L);

        assertThat(receipt.join().deliveryId()).isEqualTo(7L);
        assertThat(seenWhileStoring).containsExactly(1);
        assertThat(service.inFlight()).isZero();
        assertThat(metrics.count(WebhookMetrics.Delivery.ACCEPTED)).isEqualTo(1);
    }

    @Test
    void a_post_that_could_not_be_stored_no_longer_counts() {
        service = new ReceiveWebhookService(body -> List.of(), (body, signature, at, reason, changes) -> {
            seenWhileStoring.add(service.inFlight());
            return CompletableFuture.failedStage(new DeliveryNotStored("the delivery writer is not accepting work",
                    null));
        }, metrics, Clock.systemUTC());

        assertThat(service.receive(BODY, "sha256=00").toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DeliveryNotStored.class);

        assertThat(seenWhileStoring).containsExactly(1);
        assertThat(service.inFlight()).isZero();
        assertThat(metrics.count(WebhookMetrics.Delivery.NOT_STORED)).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.Delivery.ACCEPTED)).isZero();
    }

    @Test
    void a_post_whose_split_fails_even_with_an_error_no_longer_counts() {
        service = new ReceiveWebhookService(body -> {
            throw new OutOfMemoryError("simulated: a body too large for the memory left");
        }, (body, signature, at, reason, changes) -> CompletableFuture.completedStage(1L), metrics, Clock.systemUTC());

        assertThat(service.receive(BODY, "sha256=00").toCompletableFuture())
                .failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(OutOfMemoryError.class);
        assertThat(service.inFlight()).isZero();
        assertThat(metrics.count(WebhookMetrics.Delivery.NOT_STORED)).as("nothing was offered to the store").isZero();
    }

    @Test
    void a_refused_signature_is_counted_by_what_was_wrong_with_it() {
        service = new ReceiveWebhookService(body -> List.of(),
                (body, signature, at, reason, changes) -> CompletableFuture.completedStage(1L), metrics,
                Clock.systemUTC());

        service.refused(ReceiveWebhookUseCase.Refusal.SIGNATURE_MISSING);
        service.refused(ReceiveWebhookUseCase.Refusal.SIGNATURE_MISMATCH);
        service.refused(ReceiveWebhookUseCase.Refusal.SIGNATURE_MISMATCH);

        assertThat(metrics.count(WebhookMetrics.Delivery.SIGNATURE_MISSING)).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.Delivery.SIGNATURE_MISMATCH)).isEqualTo(2);
    }
}
