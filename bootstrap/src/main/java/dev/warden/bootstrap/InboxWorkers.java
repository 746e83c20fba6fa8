package dev.warden.bootstrap;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.ProcessedBatch;
import dev.warden.application.port.in.WebhookIntakeLoad;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p>Acknowledging Meta keeps priority over draining a backlog: each worker paces itself by {@link InboxPacing}.
 */
@Singleton
@Requires(property = "warden.inbox.workers.enabled", notEquals = "false")
final class InboxWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    private final ProcessWebhookChangeUseCase process;
    private final int threads;
    private final InboxPacing pacing;
    private final Duration pollInterval;
    private final Duration errorBackoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger numbers = new AtomicInteger();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private ExecutorService executor;

    InboxWorkers(ProcessWebhookChangeUseCase process, WebhookIntakeLoad intake,
                 @Value("${warden.inbox.workers.threads:0}") int threads,
                 @Value("${warden.inbox.workers.share-during-intake:0.1}") double shareDuringIntake,
                 @Value("${warden.inbox.workers.min-lag-to-give-way:1s}") Duration minLagToGiveWay,
                 @Value("${warden.inbox.workers.max-lag-during-intake:10s}") Duration maxLagDuringIntake,
                 @Value("${warden.inbox.workers.claim-interval-while-receiving:40ms}") Duration claimInterval,
                 @Value("${warden.inbox.workers.poll-interval:50ms}") Duration pollInterval,
                 @Value("${warden.inbox.workers.error-backoff:1s}") Duration errorBackoff) {
        this.process = process;
        // 0: one per core, at most 4. More workers than cores only wait on each other's template locks
        // and take the CPU (and pooled connections) the webhook intake needs to answer Meta quickly
        // (docs/benchmarks.md).
        this.threads = threads > 0 ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        this.pacing = new InboxPacing(intake, this.threads, shareDuringIntake, minLagToGiveWay, maxLagDuringIntake,
                claimInterval);
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
        LOG.info("Webhook inbox: {} workers; {}", threads, pacing);
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
        InboxPacing.Pace pace = pacing.newPace();
        try {
            while (running.get()) {
                try {
                    pace.awaitTurn();
                    if (!running.get()) {
                        // Stopped during the wait: stop() promised that nothing more would be claimed.
                        return;
                    }
                    long started = System.nanoTime();
                    Optional<ProcessedBatch> batch = process.processNextBatch();
                    if (batch.isEmpty()) {
                        pace.idle();
                        Thread.sleep(pollInterval.toMillis());
                    } else {
                        pace.afterBatch(System.nanoTime() - started, batch.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Throwable e) {
                    pace.idle();
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
