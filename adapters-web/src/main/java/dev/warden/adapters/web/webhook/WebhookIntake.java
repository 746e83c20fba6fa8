package dev.warden.adapters.web.webhook;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Whether webhook deliveries are taken in: open while Warden runs, closed when it stops. A delivery
 * that finds it closed is answered 503 before anything is stored, so Meta sends it again, to this
 * instance after its restart or to another one. Counts the deliveries it admitted, so that the stop
 * waits for those to be stored and answered before the server goes away.
 */
@Singleton
public final class WebhookIntake {

    private boolean open = true;
    private int admitted;

    /** Takes a delivery in (then {@link #done} must follow) unless the intake is closed. */
    synchronized boolean admit() {
        if (!open) {
            return false;
        }
        admitted++;
        return true;
    }

    synchronized void done() {
        admitted--;
        if (admitted == 0) {
            notifyAll();
        }
    }

    /** Whether deliveries are taken in. */
    public synchronized boolean open() {
        return open;
    }

    /** Refuses every delivery from now on; those already admitted go on. */
    public synchronized void close() {
        open = false;
    }

    /** Waits until the admitted deliveries are answered, at most {@code limit}; whether they all were. */
    public synchronized boolean awaitAnswered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (admitted > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
