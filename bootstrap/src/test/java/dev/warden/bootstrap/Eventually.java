package dev.warden.bootstrap;

import java.time.Duration;
import java.time.Instant;

/** Waits for what the inbox workers do after the 200: retries an assertion until it holds or time runs out. */
final class Eventually {

    private Eventually() {
    }

    static void holds(Runnable assertion) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
