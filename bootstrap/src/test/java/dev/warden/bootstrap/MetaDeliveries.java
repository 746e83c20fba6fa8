package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meta delivering template status changes to instances that restart one after the other: rounds of one
 * new change per template, some held back until after the template's next change (out of order), some
 * delivered again a round later; each delivery goes round-robin to the instances and, answered anything
 * but 2xx or not at all, again to the next one until one acknowledges it, as Meta retries.
 */
final class MetaDeliveries {

    /** One change Meta reports: a template's new status at a time (Unix seconds). */
    record Change(String metaTemplateId, long time, String event) {
    }

    private static final List<String> EVENTS = List.of("APPROVED", "PAUSED", "PENDING");
    private static final Change END = new Change("", 0, "");
    private static final int SENDERS = 2;

    private final String waba;
    private final List<String> templates;
    private final List<ApiClient> instances;
    private final Random random = new Random(20261203L);
    private final Set<Change> changes = ConcurrentHashMap.newKeySet();
    private final Set<Change> unacknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<Change> queue = new ArrayBlockingQueue<>(20);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    MetaDeliveries(String waba, Set<String> metaTemplateIds, List<ApiClient> instances) {
        this.waba = waba;
        this.templates = new ArrayList<>(metaTemplateIds);
        this.instances = instances;
    }

    void start() {
        threads.add(new Thread(this::produce, "meta-changes"));
        for (int i = 0; i < SENDERS; i++) {
            threads.add(new Thread(this::send, "meta-deliveries-" + i));
        }
        threads.forEach(thread -> {
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Stops at once, delivered or not: after a failed test. */
    void cancel() {
        threads.forEach(Thread::interrupt);
    }

    /** Two more rounds, then the end: returns once every delivery is acknowledged or given up. */
    void finish() throws InterruptedException {
        going.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Every change delivered, each once however often it was sent. */
    Set<Change> changes() {
        return Set.copyOf(changes);
    }

    /** Changes no instance acknowledged within two minutes of retries. */
    Set<Change> unacknowledged() {
        return Set.copyOf(unacknowledged);
    }

    /** How often each answer was given (0: no server, or no answer). */
    Map<Integer, Integer> answers() {
        return Map.copyOf(answers);
    }

    private void produce() {
        try {
            List<Change> heldBack = new ArrayList<>();
            for (int round = 0, last = -1; round != last; round++) {
                if (last < 0 && !going.get()) {
                    last = round + 2;
                }
                Collections.shuffle(templates, random);
                List<Change> sending = new ArrayList<>();
                List<Change> holding = new ArrayList<>();
                for (String template : templates) {
                    Change change = new Change(template, 2_000 + round * 10L + random.nextInt(5),
                            EVENTS.get(random.nextInt(EVENTS.size())));
                    changes.add(change);
                    int fate = random.nextInt(10);
                    if (fate >= 2) {
                        sending.add(change);
                    }
                    if (fate <= 2) {
                        holding.add(change);
                    }
                }
                sending.addAll(heldBack);
                heldBack = holding;
                for (Change change : sending) {
                    queue.put(change);
                }
            }
            for (Change change : heldBack) {
                queue.put(change);
            }
            for (int i = 0; i < SENDERS; i++) {
                queue.put(END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send() {
        try {
            for (Change change = queue.take(); change != END; change = queue.take()) {
                deliver(change);
                // A steady stream, not a flood: the restarting instances share two cores with it.
                WardenProcess.pause(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Change change) {
        byte[] body = bytes(MetaWebhooks.status(waba, change.time(), change.metaTemplateId(), change.event()));
        Instant giveUp = Instant.now().plusSeconds(120);
        for (int attempt = next.getAndIncrement(); ; attempt++) {
            int status = instances.get(Math.floorMod(attempt, instances.size())).postWebhook(body, sign(body)).status();
            answers.merge(status, 1, Integer::sum);
            if (status / 100 == 2) {
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                unacknowledged.add(change);
                return;
            }
            WardenProcess.pause(50);
        }
    }
}
