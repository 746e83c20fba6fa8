package dev.warden.adapters.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.out.DeliveryNotStored;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a delivery is read (where it arrived, or on the blocking executor for a large body), and that every answer
 * leaves the intake.
 */
@Timeout(30) // a controller that waited for the commit would hang here, not fail
class MetaWebhookControllerTest {

    private static final String SECRET = "test-app-secret";

    private final AtomicInteger offloaded = new AtomicInteger();
    private final Executor blocking = task -> {
        offloaded.incrementAndGet();
        task.run();
    };
    private final WebhookIntake intake = new WebhookIntake();
    private CompletionStage<ReceiveWebhookUseCase.Receipt> next;

    private final MetaWebhookController controller = controller();

    private MetaWebhookController controller() {
        MetaWebhookConfiguration configuration = new MetaWebhookConfiguration();
        configuration.setAppSecret(SECRET);
        ReceiveWebhookUseCase receive = new ReceiveWebhookUseCase() {
            @Override
            public CompletionStage<Receipt> receive(byte[] body, String signature) {
                return next;
            }

            @Override
            public void refused(Refusal refusal) {
            }
        };
        return new MetaWebhookController(configuration, new WebhookSignature(configuration), receive,
                (context, response) -> response.body((Object) "a problem"), intake, blocking);
    }

    @Test
    void a_body_of_the_usual_size_is_read_where_it_arrived_and_a_larger_one_on_the_blocking_executor() throws InterruptedException {
        next = CompletableFuture.completedStage(new ReceiveWebhookUseCase.Receipt(7, true, null));

        assertThat(deliver(body(2_000)).code()).isEqualTo(200);
        assertThat(offloaded).hasValue(0);
        assertThat(deliver(body(MetaWebhookController.SPLIT_ON_THE_EVENT_LOOP_UP_TO + 1)).code()).isEqualTo(200);
        assertThat(offloaded).hasValue(1);
        assertThat(intake.awaitAnswered(Duration.ZERO)).isTrue();
    }

    @Test
    void a_delivery_is_answered_only_once_its_commit_completes_and_then_leaves_the_intake() throws InterruptedException {
        CompletableFuture<ReceiveWebhookUseCase.Receipt> commit = new CompletableFuture<>();
        next = commit;

        CompletableFuture<HttpResponse<?>> answer = controller.deliver(HttpRequest.POST("/webhooks/meta", body(500)),
                body(500), sign(body(500))).toCompletableFuture();

        assertThat(answer).isNotDone();
        assertThat(intake.awaitAnswered(Duration.ZERO)).as("still admitted").isFalse();
        commit.complete(new ReceiveWebhookUseCase.Receipt(8, true, null));
        assertThat(answer.join().code()).isEqualTo(200);
        assertThat(intake.awaitAnswered(Duration.ZERO)).isTrue();
    }

    @Test
    void a_delivery_that_could_not_be_stored_is_503_and_leaves_the_intake() throws InterruptedException {
        next = CompletableFuture.failedStage(new CompletionException(new DeliveryNotStored("the writer stopped", null)));

        assertThat(deliver(body(500)).code()).isEqualTo(503);
        assertThat(deliver(body(MetaWebhookController.SPLIT_ON_THE_EVENT_LOOP_UP_TO * 4)).code()).isEqualTo(503);
        assertThat(intake.awaitAnswered(Duration.ZERO)).isTrue();
    }

    private HttpResponse<?> deliver(byte[] body) {
        return controller.deliver(HttpRequest.POST("/webhooks/meta", body), body, sign(body)).toCompletableFuture()
                .join();
    }

    private static byte[] body(int size) {
        String start = "{\"object\":\"whatsapp_business_account\",\"entry\":[],\"padding\":\"";
        return (start + "x".repeat(Math.max(0, size - start.length() - 2)) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) {
        return WebhookSignatureTest.header(SECRET, body);
    }
}
