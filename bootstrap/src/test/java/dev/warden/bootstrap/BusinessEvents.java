package dev.warden.bootstrap;

import dev.warden.bootstrap.ApiClient.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A business system posting events for transactional sends ({@code POST /api/v1/notifications/events}) to
 * instances that restart one after the other: each event with its own idempotency key, round-robin, sent
 * again to the next instance with the same key when answered 503 or not at all, and every fifth key posted
 * a second time later, as a client that lost its answer does.
 */
final class BusinessEvents {

    private final List<ApiClient> instances;
    private final String token;
    private final String eventType;
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final List<String> answeredOtherwise = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final Thread client = new Thread(this::post, "business-events");

    BusinessEvents(List<ApiClient> instances, String token, String eventType) {
        this.instances = instances;
        this.token = token;
        this.eventType = eventType;
    }

    void start() {
        client.setDaemon(true);
        client.start();
    }

    /** Stops at once: after a failed test. */
    void cancel() {
        client.interrupt();
    }

    void finish() throws InterruptedException {
        going.set(false);
        client.join();
    }

    /** The notification id each idempotency key was answered with. */
    Map<String, String> ids() {
        return Map.copyOf(ids);
    }

    /** Keys answered other than 2xx, 503 or not at all, or answered two ids: with the answer. */
    List<String> answeredOtherwise() {
        return List.copyOf(answeredOtherwise);
    }

    private void post() {
        for (int k = 1; going.get(); k++) {
            send(k);
            if (k % 5 == 0) {
                send(k - 2);
            }
            WardenProcess.pause(100);
        }
    }

    private void send(int k) {
        String key = "rolling-order-" + k;
        Map<String, Object> event = Map.of("type", eventType, "idempotencyKey", key,
                "to", "+9198100" + String.format("%05d", k), "params", Map.of("1", "Ana", "2", String.valueOf(k)));
        Instant giveUp = Instant.now().plusSeconds(120);
        for (int attempt = next.getAndIncrement(); ; attempt++) {
            Reply reply = instances.get(Math.floorMod(attempt, instances.size()))
                    .post("/api/v1/notifications/events", token, event);
            if (reply.status() / 100 == 2) {
                String earlier = ids.putIfAbsent(key, reply.text("id"));
                if (earlier != null && !earlier.equals(reply.text("id"))) {
                    answeredOtherwise.add(key + ": a second id " + reply);
                }
                return;
            }
            if ((reply.status() != 503 && reply.status() != 0) || Instant.now().isAfter(giveUp)) {
                answeredOtherwise.add(key + ": " + reply);
                return;
            }
            WardenProcess.pause(50);
        }
    }
}
