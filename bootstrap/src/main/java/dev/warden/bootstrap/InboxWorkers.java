package dev.warden.bootstrap;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.WebhookIntakeLoad;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the webhook inbox after the responses: a few threads per instance process due changes
 * until none is left, then poll. Rows are claimed with SKIP LOCKED, so every instance can run
 * these; on start they pick up whatever a crash left pending. A worker survives anything its
 * batch throws (errors included: one bad batch must not silently stop processing); one that
 * stops anyway is named by {@link #stopped()}, which {@code /health} reports as DOWN.
 *
 * <p>Acknowledging Meta keeps priority over draining a backlog: while webhook POSTs are being stored
 * and the batch a worker processed had waited longer than {@code min-lag-to-give-way}, the worker
 * waits after the batch, the longer the further behind, down to processing only
 * {@code share-during-intake} of the time at {@code max-lag-during-intake} (a batch of 40 ms with a
 * share of 0.1 is followed by 360 ms of waiting); a worker with its database session otherwise keeps
 * a core busy that the intake needs to answer quickly. A stream the workers keep up with rarely waits
 * that long, so it is processed as it comes (ADR 0030). Once the batch had waited longer than
 * {@code max-lag-during-intake}, half the workers (rounded down, at least one)
 * stop giving way, and all of them once it had waited twice as long: so a steady stream of POSTs
 * never lets the backlog grow without bound, and while half the workers catch up the intake keeps
 * cores to answer on (ADR 0028).
 */
@Singleton
@Requires(property = "warden.inbox.workers.enabled", notEquals = "false")
final class InboxWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    /**
     * The longest a worker gives way after one batch: a batch slowed by lock waits or a busy database
     * took time, not CPU the intake could use, and a shutdown should not wait for a long pause.
     */
    private static final long MAX_GIVE_WAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ProcessWebhookChangeUseCase process;
    private final WebhookIntakeLoad intake;
    private final int threads;
    private final double shareDuringIntake;
    private final Duration minLagToGiveWay;
    private final Duration maxLagDuringIntake;
    private final Duration pollInterval;
    private final Duration errorBackoff;
    private final AtomicBoolean running = new AtomicBoolean();
    /**
     * While webhooks are being received, only this many workers (half, rounded down, at least one) catch up at full
     * pace once behind by {@code max-lag-during-intake}: the others keep giving way, so that the intake keeps cores to
     * answer on.
     */
    private final Semaphore catchingUpPlaces;
    private final AtomicInteger numbers = new AtomicInteger();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private ExecutorService executor;

    InboxWorkers(ProcessWebhookChangeUseCase process, WebhookIntakeLoad intake,
                 @Value("${warden.inbox.workers.threads:0}") int threads,
                 @Value("${warden.inbox.workers.share-during-intake:0.1}") double shareDuringIntake,
                 @Value("${warden.inbox.workers.min-lag-to-give-way:1s}") Duration minLagToGiveWay,
                 @Value("${warden.inbox.workers.max-lag-during-intake:10s}") Duration maxLagDuringIntake,
                 @Value("${warden.inbox.workers.poll-interval:50ms}") Duration pollInterval,
                 @Value("${warden.inbox.workers.error-backoff:1s}") Duration errorBackoff) {
        this.process = process;
        this.intake = intake;
        // 0: one per core, at most 4. More workers than cores only wait on each other's template locks
        // and take the CPU (and pooled connections) the webhook intake needs to answer Meta quickly
        // (docs/benchmarks.md).
        this.threads = threads > 0 ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        this.catchingUpPlaces = new Semaphore(Math.max(1, this.threads / 2));
        if (!(shareDuringIntake > 0 && shareDuringIntake <= 1)) {
            throw new IllegalArgumentException("warden.inbox.workers.share-during-intake must be above 0 and at most 1, not "
                    + shareDuringIntake);
        }
        this.shareDuringIntake = shareDuringIntake;
        if (minLagToGiveWay.isNegative() || minLagToGiveWay.compareTo(maxLagDuringIntake) >= 0) {
            throw new IllegalArgumentException("warden.inbox.workers.min-lag-to-give-way must be at least 0 and below"
                    + " max-lag-during-intake (" + maxLagDuringIntake + "), not " + minLagToGiveWay);
        }
        this.minLagToGiveWay = minLagToGiveWay;
        this.maxLagDuringIntake = maxLagDuringIntake;
        this.pollInterval = pollInterval;
        this.errorBackoff = errorBackoff;
    }

    @EventListener
    synchronized void start(ServerStartupEvent event) {
        start();
    }

    synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "inbox-worker-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.submit(this::drain);
        }
        LOG.info("Webhook inbox: {} workers; while webhooks are being received, processing from {} behind less of the"
                + " time, down to a share of {} at {} behind", threads, minLagToGiveWay, shareDuringIntake,
                maxLagDuringIntake);
    }

    /** Where nothing stopped them before (a context closed in a test, a command): the pool is about to close. */
    @EventListener
    void stop(ShutdownEvent event) {
        stop(Duration.ofSeconds(10));
    }

    void stop() {
        stop(Duration.ofSeconds(10));
    }

    /**
     * Claims nothing more; each worker finishes the batch in hand (its transaction commits, or rolls back
     * and so releases its rows) within {@code limit}. Whether all had finished by then.
     */
    synchronized boolean stop(Duration limit) {
        running.set(false);
        if (executor == null) {
            return true;
        }
        executor.shutdown();
        try {
            return executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The workers that stopped while Warden was running; empty when all are polling. */
    List<String> stopped() {
        return stopped.stream().sorted().toList();
    }

    int threads() {
        return threads;
    }

    private void drain() {
        String name = Thread.currentThread().getName();
        Pace pace = new Pace();
        try {
            while (running.get()) {
                try {
                    long started = System.nanoTime();
                    Optional<Instant> oldest = process.processNextBatch();
                    if (oldest.isEmpty()) {
                        pace.leavePlace();
                        Thread.sleep(pollInterval.toMillis());
                    } else {
                        pace.afterBatch(System.nanoTime() - started, oldest.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable e) {
                    pace.leavePlace();
                    // Failed changes are marked by the use case; this is the database, the pool, or a
                    // defect. Log it, give the cause a moment, and poll again.
                    LOG.warn("Webhook inbox worker {}: {}", name, e.toString(), e);
                    if (!backOff()) {
                        return;
                    }
                }
            }
        } finally {
            pace.leavePlace();
            if (running.get()) {
                stopped.add(name);
                LOG.error("Webhook inbox worker {} stopped while Warden is running; /health reports DOWN", name);
            }
        }
    }

    /**
     * The share of the time a worker behind by {@code lag} processes while webhooks are being received: all of it up
     * to {@code min-lag-to-give-way}, then falling in proportion to the lag, to {@code share-during-intake} at
     * {@code max-lag-during-intake}. A stream the workers keep up with, held up just past the first bound, so
     * still gets most of the time and catches up; stepping down to the share at once let the lag of such a stream
     * grow towards the second bound (ADR 0030).
     */
    double shareWhileReceiving(Duration lag) {
        if (lag.compareTo(minLagToGiveWay) <= 0) {
            return 1;
        }
        double past = Math.min(1, seconds(lag.minus(minLagToGiveWay))
                / seconds(maxLagDuringIntake.minus(minLagToGiveWay)));
        return 1 - (1 - shareDuringIntake) * past;
    }

    /** In seconds, without {@link Duration#toNanos()}'s overflow beyond 292 years (a bound set very high). */
    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** One worker's pace after its batches: whether it holds a catching-up place. */
    private final class Pace {

        private boolean holdsPlace;
        /** Waiting owed after batches, below a millisecond ({@link #giveWay}). */
        private long owedNanos;

        /**
         * After a batch that took {@code busyNanos}, while POSTs are being stored: a worker goes on at once while it
         * is behind by no more than {@code min-lag-to-give-way} (it keeps up); a worker that holds a catching-up
         * place, or takes one, goes on at once while it is behind by more than {@code max-lag-during-intake}; every
         * worker does once behind by twice that; the others wait so that they process only
         * {@link #shareWhileReceiving} of the time.
         */
        void afterBatch(long busyNanos, Instant oldestReceived) throws InterruptedException {
            boolean receiving = shareDuringIntake < 1 && intake.inFlight() > 0;
            Duration lag = Duration.between(oldestReceived, Instant.now());
            if (receiving && lag.compareTo(maxLagDuringIntake) > 0) {
                if (!holdsPlace) {
                    holdsPlace = catchingUpPlaces.tryAcquire();
                }
                if (holdsPlace || lag.compareTo(maxLagDuringIntake.multipliedBy(2)) > 0) {
                    return;
                }
            } else {
                leavePlace();
                if (!receiving) {
                    return;
                }
            }
            double share = shareWhileReceiving(lag);
            if (share < 1) {
                giveWay(Math.min(MAX_GIVE_WAY_NANOS, (long) (busyNanos * (1 - share) / share)));
            }
        }

        /**
         * Waits whole milliseconds only, carrying what is owed to the next batch: Java 17's {@code Thread.sleep} with
         * nanoseconds sleeps a whole millisecond more, so a wait of a few microseconds after a batch of two
         * milliseconds (just past {@code min-lag-to-give-way}) would have been a third of the time.
         */
        private void giveWay(long nanos) throws InterruptedException {
            owedNanos += nanos;
            long millis = owedNanos / 1_000_000;
            if (millis > 0) {
                owedNanos -= millis * 1_000_000;
                Thread.sleep(millis);
            }
        }

        void leavePlace() {
            if (holdsPlace) {
                holdsPlace = false;
                catchingUpPlaces.release();
            }
        }
    }

    private boolean backOff() {
        try {
            Thread.sleep(errorBackoff.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
