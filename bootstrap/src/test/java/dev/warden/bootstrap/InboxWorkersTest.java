package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.WebhookIntakeLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The inbox worker loop on its own: what a batch throws never ends it; it gives way to the webhook intake. */
class InboxWorkersTest {

    @Test
    void a_worker_keeps_polling_after_errors_and_exceptions_from_a_batch() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch pollingAgain = new CountDownLatch(1);
        InboxWorkers workers = new InboxWorkers(() -> {
            switch (calls.incrementAndGet()) {
                case 1 -> throw new OutOfMemoryError("Java heap space");
                case 2 -> throw new StackOverflowError();
                case 3 -> throw new IllegalStateException("connection refused");
                case 4 -> throw new AssertionError("a defect");
                default -> {
                    pollingAgain.countDown();
                    return Optional.empty();
                }
            }
        }, () -> 0, 1, 0.25, Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(1));

        workers.start();
        try {
            assertThat(pollingAgain.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.stopped()).isEmpty();
        } finally {
            workers.stop();
        }
    }

    @Test
    void while_webhooks_are_being_received_a_worker_waits_after_each_batch() throws InterruptedException {
        CountDownLatch threeBatches = new CountDownLatch(3);
        // Processing a ten-thousandth of the time: a batch of 2 ms or more is followed by the longest wait, 1 s.
        InboxWorkers workers = workers(() -> 1, 0.0001, () -> {
            threeBatches.countDown();
            sleep(2);
            return Optional.of(Instant.now());
        });

        workers.start();
        try {
            assertThat(threeBatches.await(1500, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            workers.stop();
        }
    }

    @Test
    void a_worker_does_not_wait_when_no_webhook_is_being_received() throws InterruptedException {
        CountDownLatch manyBatches = new CountDownLatch(100);
        InboxWorkers workers = workers(() -> 0, 0.0001, () -> {
            manyBatches.countDown();
            return Optional.of(Instant.now());
        });

        workers.start();
        try {
            assertThat(manyBatches.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            workers.stop();
        }
    }

    @Test
    void a_worker_stops_giving_way_once_processing_is_too_far_behind() throws InterruptedException {
        CountDownLatch manyBatches = new CountDownLatch(100);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        InboxWorkers workers = workers(() -> 1, 0.0001, () -> {
            manyBatches.countDown();
            sleep(1);
            return Optional.of(longAgo);
        });

        workers.start();
        try {
            assertThat(manyBatches.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            workers.stop();
        }
    }

    private static InboxWorkers workers(WebhookIntakeLoad intake, double share, ProcessWebhookChangeUseCase process) {
        return new InboxWorkers(process, intake, 1, share, Duration.ofSeconds(10), Duration.ofMillis(1),
                Duration.ofMillis(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
