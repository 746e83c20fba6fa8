package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.organization.Organization;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer-service windows written by concurrent inbox workers, each in its own transaction, on PostgreSQL. */
class JooqCustomerServiceWindowsIT {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private DSLContext dsl;
    private ConversationKey key;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.emptyDatabase();
        Organization organization = Organization.create(OrganizationId.random(), "Acme", T0);
        new JooqOrganizationRepository(dsl).add(organization);
        key = new ConversationKey(organization.id(), "106540352242922", "16505551234");
    }

    private Optional<CustomerServiceWindow> window() {
        return new JooqCustomerServiceWindows(dsl).find(key);
    }

    @Test
    void an_older_inbound_message_written_while_a_newer_one_is_uncommitted_does_not_win() throws Exception {
        CountDownLatch newerWritten = new CountDownLatch(1);
        CountDownLatch olderStarted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> newer = threads.submit(() -> dsl.transaction(tx -> {
                new JooqCustomerServiceWindows(tx.dsl()).recordInbound(key, T0.plusSeconds(3600));
                newerWritten.countDown();
                olderStarted.await(10, TimeUnit.SECONDS);
                Thread.sleep(200); // lets the older write reach the row before this commits
            }));
            newerWritten.await(10, TimeUnit.SECONDS);
            Future<?> older = threads.submit(() -> dsl.transaction(tx -> {
                olderStarted.countDown();
                new JooqCustomerServiceWindows(tx.dsl()).recordInbound(key, T0);
            }));
            newer.get(20, TimeUnit.SECONDS);
            older.get(20, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(window()).contains(CustomerServiceWindow.openedBy(key, T0.plusSeconds(3600)));
    }

    @Test
    void many_workers_recording_one_conversation_at_once_lose_no_update() {
        List<Instant> inbound = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            inbound.add(T0.plusSeconds(i * 60L));
        }
        Collections.shuffle(inbound);
        Instant closed = T0.plusSeconds(39 * 60L + 30);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (Instant at : inbound) {
                writes.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    dsl.transaction(tx -> new JooqCustomerServiceWindows(tx.dsl()).recordInbound(key, at));
                }, threads));
            }
            writes.add(CompletableFuture.runAsync(() -> {
                await(start);
                // The failure needs the window; it retries until the first inbound message is stored.
                while (window().isEmpty()) {
                    Thread.onSpinWait();
                }
                dsl.transaction(tx -> new JooqCustomerServiceWindows(tx.dsl()).recordReEngagementFailure(key, closed));
            }, threads));
            start.countDown();
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }

        assertThat(window()).contains(new CustomerServiceWindow(key, T0.plusSeconds(39 * 60L), Optional.of(closed)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
