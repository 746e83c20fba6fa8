package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.ProcessedBatch;
import dev.warden.application.port.in.WebhookIntakeLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The inbox worker loop on its own: what a batch throws never ends it; once behind, it gives way to the webhook
 * intake; while it keeps up with webhooks being received, it takes turns to claim.
 */
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
        }, () -> 0, 1, 0.25, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO, Duration.ofMillis(1),
                Duration.ofMillis(1));

        workers.start();
        try {
            assertThat(pollingAgain.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(workers.stopped()).isEmpty();
        } finally {
            workers.stop();
        }
    }

    @Test
    void while_webhooks_are_being_received_a_worker_behind_waits_after_each_batch() throws InterruptedException {
        // 9 s behind, within the bound of 10 s: processing about a ninth of the time, so a batch of 200 ms is
        // followed by the longest wait, 1 s; the third batch starts after 2.4 s.
        assertThat(batchesOfALoneWorker(3, 1, Duration.ofSeconds(9), 200, Duration.ofMillis(1500))).isBetween(1L, 2L);
    }

    @Test
    void a_worker_that_keeps_up_with_the_webhooks_being_received_does_not_wait() throws InterruptedException {
        // Each batch 0.5 s behind, within the 1 s from which the workers give way: a stream processed as it comes.
        assertThat(batchesOfALoneWorker(100, 1, Duration.ofMillis(500), 2, Duration.ofSeconds(30))).isEqualTo(100);
    }

    @Test
    void a_worker_just_past_the_lag_from_which_it_gives_way_still_processes_most_of_the_time()
            throws InterruptedException {
        // 1.5 s behind, past the 1 s from which the workers give way: processing 94 % of the time, not the share of
        // a ten-thousandth, which would follow each batch with a wait of 1 s.
        assertThat(batchesOfALoneWorker(100, 1, Duration.ofMillis(1500), 2, Duration.ofSeconds(30))).isEqualTo(100);
    }

    @Test
    void the_further_behind_the_smaller_the_share_of_the_time_a_worker_processes_while_webhooks_arrive() {
        InboxPacing pacing = new InboxPacing(() -> 1, 1, 0.1, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ZERO);

        assertThat(pacing.shareWhileReceiving(Duration.ofMillis(-5))).isEqualTo(1);
        assertThat(pacing.shareWhileReceiving(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(pacing.shareWhileReceiving(Duration.ofMillis(5500))).isCloseTo(0.55, within(1e-9));
        assertThat(pacing.shareWhileReceiving(Duration.ofSeconds(10))).isCloseTo(0.1, within(1e-9));
        assertThat(pacing.shareWhileReceiving(Duration.ofDays(3))).isCloseTo(0.1, within(1e-9));
        assertThat(new InboxPacing(() -> 1, 1, 0.1, Duration.ofSeconds(1), Duration.ofDays(200_000), Duration.ZERO)
                .shareWhileReceiving(Duration.ofDays(100_000)))
                .as("bounds beyond what nanoseconds hold").isCloseTo(0.55, within(1e-6));
    }

    @Test
    void the_lag_from_which_the_workers_give_way_must_be_below_the_lag_bound() {
        assertThatThrownBy(() -> new InboxWorkers(Optional::empty, () -> 0, 1, 0.1, Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-lag-to-give-way");
    }

    @Test
    void a_worker_does_not_wait_when_no_webhook_is_being_received() throws InterruptedException {
        // The waiting test's batches with no POST in flight: nothing to give way to, so three start within 0.6 s.
        assertThat(batchesOfALoneWorker(3, 0, Duration.ofSeconds(9), 200, Duration.ofSeconds(2))).isEqualTo(3);
    }

    @Test
    void a_lone_worker_stops_giving_way_once_processing_is_too_far_behind() throws InterruptedException {
        // Past the bound of 10 s, not past twice that: the one worker has the one catching-up place.
        assertThat(batchesOfALoneWorker(100, 1, Duration.ofSeconds(15), 1, Duration.ofSeconds(30))).isEqualTo(100);
    }

    @Test
    void behind_by_more_than_the_lag_bound_only_half_the_workers_stop_giving_way() throws InterruptedException {
        // 15 s behind: past the bound of 10 s, not past twice that. One worker caught up; the other gave way after
        // each batch (processing a ten-thousandth of the time, at most one batch a second) while the first processed
        // hundreds.
        assertThat(batchesOfTwoWorkers(200, 15))
                .satisfies(counts -> assertThat(counts[0]).isLessThan(20))
                .satisfies(counts -> assertThat(counts[1]).isGreaterThanOrEqualTo(180));
    }

    @Test
    void behind_by_more_than_twice_the_lag_bound_every_worker_stops_giving_way() throws InterruptedException {
        assertThat(batchesOfTwoWorkers(400, 25)[0]).as("the batches of the worker that processed fewer").isGreaterThan(50);
    }

    @Test
    void workers_that_keep_up_with_the_webhooks_being_received_claim_one_batch_per_interval_between_them()
            throws InterruptedException {
        // Two workers, batches 0.5 s behind and not full, turns of 1 s: each claims its first batch at once, then
        // they take the turns at 1 s and 2 s. Without turns they would start all twenty within milliseconds.
        assertThat(batchesStarted(2, Duration.ofSeconds(1), 20, 1, false, Duration.ofMillis(500), 1,
                Duration.ofMillis(2500))).isBetween(2L, 4L);
    }

    @Test
    void a_worker_stopped_while_it_waits_for_its_turn_claims_nothing_more() throws InterruptedException {
        AtomicInteger claims = new AtomicInteger();
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch first = new CountDownLatch(1);
        InboxWorkers workers = workers(1, () -> 1, 0.0001, Duration.ofSeconds(10), Duration.ofSeconds(1), () -> {
            claims.incrementAndGet();
            worker.set(Thread.currentThread());
            first.countDown();
            return Optional.of(new ProcessedBatch(false, Instant.now()));
        });
        workers.start();
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
        // Until it waits for its turn, 1 s after the first claim: stopped before, it would never have waited.
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (worker.get().getState() != Thread.State.TIMED_WAITING && System.nanoTime() - giveUp < 0) {
            Thread.onSpinWait();
        }
        assertThat(worker.get().getState()).isEqualTo(Thread.State.TIMED_WAITING);

        workers.stop(Duration.ofSeconds(5));

        assertThat(claims).as("claims after the turn it waited for, 1 s after the first").hasValue(1);
    }

    @Test
    void after_a_poll_that_found_nothing_a_worker_claims_without_waiting_for_a_turn() throws InterruptedException {
        // Turns of 1 s, every other claim finds nothing: batch at 0, nothing at its turn at 1 s, a batch right after
        // it, the next turn at 2 s. Waiting for a turn after the empty poll too would leave 2 claims within 1.5 s.
        AtomicInteger claims = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(4);
        InboxWorkers workers = workers(1, () -> 1, 0.0001, Duration.ofSeconds(10), Duration.ofSeconds(1), () -> {
            started.countDown();
            return claims.incrementAndGet() % 2 == 1
                    ? Optional.of(new ProcessedBatch(false, Instant.now())) : Optional.empty();
        });
        workers.start();
        try {
            started.await(1500, TimeUnit.MILLISECONDS);
            assertThat(4 - started.getCount()).isEqualTo(3);
        } finally {
            workers.stop();
        }
    }

    @Test
    void a_worker_whose_batch_was_full_claims_the_next_at_once() throws InterruptedException {
        // More was due than a batch holds: waiting for a turn would only leave it behind.
        assertThat(batchesStarted(1, Duration.ofSeconds(1), 100, 1, true, Duration.ofMillis(500), 1,
                Duration.ofSeconds(30))).isEqualTo(100);
    }

    @Test
    void a_worker_takes_no_turns_when_no_webhook_is_being_received() throws InterruptedException {
        assertThat(batchesStarted(1, Duration.ofSeconds(1), 100, 0, false, Duration.ofMillis(500), 1,
                Duration.ofSeconds(30))).isEqualTo(100);
    }

    @Test
    void a_worker_behind_takes_no_turns() throws InterruptedException {
        // Past the bound of 10 s with the one catching-up place: neither giving way nor waiting for turns.
        assertThat(batchesStarted(1, Duration.ofSeconds(1), 100, 1, false, Duration.ofSeconds(15), 1,
                Duration.ofSeconds(30))).isEqualTo(100);
    }

    /**
     * How many of {@code batches} batches one worker starts within {@code limit}, with {@code postsInFlight} webhook
     * POSTs being stored, a share of a ten-thousandth of the time, no turns to claim, and batches that take
     * {@code busyMillis} and are {@code behind}.
     */
    private static long batchesOfALoneWorker(int batches, int postsInFlight, Duration behind, long busyMillis,
                                             Duration limit) throws InterruptedException {
        return batchesStarted(1, Duration.ZERO, batches, postsInFlight, false, behind, busyMillis, limit);
    }

    /**
     * How many of {@code batches} batches {@code threads} workers with turns of {@code claimInterval} start within
     * {@code limit}, with {@code postsInFlight} webhook POSTs being stored, a share of a ten-thousandth of the time,
     * and batches, {@code full} or not, that take {@code busyMillis} and are {@code behind}.
     */
    private static long batchesStarted(int threads, Duration claimInterval, int batches, int postsInFlight,
                                       boolean full, Duration behind, long busyMillis, Duration limit)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(batches);
        InboxWorkers workers = workers(threads, () -> postsInFlight, 0.0001, Duration.ofSeconds(10), claimInterval,
                () -> {
                    started.countDown();
                    sleep(busyMillis);
                    return Optional.of(new ProcessedBatch(full, Instant.now().minus(behind)));
                });
        workers.start();
        try {
            started.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            return batches - started.getCount();
        } finally {
            workers.stop();
        }
    }

    /**
     * Two workers, with webhooks arriving and a lag bound of 10 s, whose batches are {@code secondsBehind} behind: the
     * batches each had processed, fewest first, once they had processed {@code batches} in all.
     */
    private static int[] batchesOfTwoWorkers(int batches, long secondsBehind) throws InterruptedException {
        CountDownLatch enough = new CountDownLatch(batches);
        Map<String, AtomicInteger> batchesByWorker = new ConcurrentHashMap<>();
        InboxWorkers workers = workers(2, () -> 1, 0.0001, Duration.ofSeconds(10), Duration.ZERO, () -> {
            batchesByWorker.computeIfAbsent(Thread.currentThread().getName(), name -> new AtomicInteger())
                    .incrementAndGet();
            enough.countDown();
            sleep(1);
            return Optional.of(new ProcessedBatch(false, Instant.now().minusSeconds(secondsBehind)));
        });

        workers.start();
        try {
            assertThat(enough.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            workers.stop();
        }
        assertThat(batchesByWorker).as("both workers processed batches").hasSize(2);
        return batchesByWorker.values().stream().mapToInt(AtomicInteger::get).sorted().toArray();
    }

    private static InboxWorkers workers(int threads, WebhookIntakeLoad intake, double share, Duration maxLag,
                                        Duration claimInterval, ProcessWebhookChangeUseCase process) {
        return new InboxWorkers(process, intake, threads, share, Duration.ofSeconds(1), maxLag, claimInterval,
                Duration.ofMillis(1), Duration.ofMillis(1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
