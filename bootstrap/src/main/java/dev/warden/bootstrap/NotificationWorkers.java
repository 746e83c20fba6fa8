package dev.warden.bootstrap;

import dev.warden.application.port.in.DispatchNotificationsUseCase;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the notification outbox: a few threads per instance claim due notifications with SKIP
 * LOCKED and send them, so every instance can run these and a restart picks up what was left.
 * Provider calls wait on the network, not the CPU; these threads are separate from the inbox's so
 * a slow provider never delays webhook processing.
 */
@Singleton
@Requires(property = "warden.notify.workers.enabled", notEquals = "false")
final class NotificationWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationWorkers.class);

    private final DispatchNotificationsUseCase dispatch;
    private final int threads;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger numbers = new AtomicInteger();
    private ExecutorService executor;

    NotificationWorkers(DispatchNotificationsUseCase dispatch,
                        @Value("${warden.notify.workers.threads:4}") int threads,
                        @Value("${warden.notify.workers.poll-interval:200ms}") Duration pollInterval) {
        this.dispatch = dispatch;
        this.threads = Math.max(1, threads);
        this.pollInterval = pollInterval;
    }

    @EventListener
    synchronized void start(ServerStartupEvent event) {
        if (running.getAndSet(true)) {
            return;
        }
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "notify-worker-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.submit(this::drain);
        }
        LOG.info("Notification outbox: {} workers", threads);
    }

    /** Where nothing stopped them before (a context closed in a test, a command): the pool is about to close. */
    @EventListener
    void stop(ShutdownEvent event) {
        stop(Duration.ofSeconds(10));
    }

    /**
     * Claims nothing more; each dispatcher sends and records the batch in hand within {@code limit}
     * (every call is bounded by {@code warden.notify.timeout}). One still busy then is interrupted: what
     * it had claimed goes out again once the claim expires (at least once, ADR 0011). Whether all had
     * finished in time.
     */
    synchronized boolean stop(Duration limit) {
        running.set(false);
        if (executor == null) {
            return true;
        }
        executor.shutdown();
        try {
            if (executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            executor.shutdownNow();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            return false;
        }
    }

    private void drain() {
        while (running.get()) {
            try {
                if (dispatch.dispatchNext() == 0) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // The database or a defect: what was claimed is sent again once its claim expires.
                LOG.warn("Notification worker {}: {}", Thread.currentThread().getName(), e.toString(), e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
