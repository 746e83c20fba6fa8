package dev.warden.bootstrap;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the webhook inbox after the responses: a few threads per instance process due changes
 * until none is left, then poll. Rows are claimed with SKIP LOCKED, so every instance can run
 * these; on start they pick up whatever a crash left pending.
 */
@Singleton
@Requires(property = "warden.inbox.workers.enabled", notEquals = "false")
final class InboxWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    private final ProcessWebhookChangeUseCase process;
    private final int threads;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService executor;

    InboxWorkers(ProcessWebhookChangeUseCase process,
                 @Value("${warden.inbox.workers.threads:8}") int threads,
                 @Value("${warden.inbox.workers.poll-interval:50ms}") Duration pollInterval) {
        this.process = process;
        this.threads = threads;
        this.pollInterval = pollInterval;
    }

    @EventListener
    synchronized void start(ServerStartupEvent event) {
        if (running.getAndSet(true)) {
            return;
        }
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "inbox-worker");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.submit(this::drain);
        }
        LOG.info("Webhook inbox: {} workers", threads);
    }

    @EventListener
    synchronized void stop(ShutdownEvent event) {
        running.set(false);
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain() {
        while (running.get()) {
            try {
                if (!process.processNext()) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The change itself is marked failed by the use case; this is the database or the pool.
                LOG.warn("Webhook inbox worker: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Math.max(pollInterval.toMillis(), 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
