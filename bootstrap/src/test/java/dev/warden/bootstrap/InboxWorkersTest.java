package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The inbox worker loop on its own: what a batch throws never ends it. */
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
                    return false;
                }
            }
        }, 1, Duration.ofMillis(1), Duration.ofMillis(1));

        workers.start();
        try {
            assertThat(pollingAgain.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.stopped()).isEmpty();
        } finally {
            workers.stop();
        }
    }
}
