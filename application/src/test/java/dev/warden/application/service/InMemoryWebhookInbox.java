package dev.warden.application.service;

import java.util.Objects;
import dev.warden.application.port.out.ReplayedChange;
import dev.warden.application.port.out.DeadLetter;
import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** In-memory inbox for use-case tests: same states and transitions as the database, no locking. */
final class InMemoryWebhookInbox implements WebhookInbox, DeliveryStore {

    /** A stored change with its state. */
    static final class Row {
        InboxChange change;
        String idempotencyKey;
        String state = "PENDING";
        Instant nextAttemptAt;
        String lastError;
        String outcome;
        OrganizationId organizationId;
        Instant processedAt;

        private Row copy() {
            Row copy = new Row();
            copy.change = change;
            copy.idempotencyKey = idempotencyKey;
            copy.state = state;
            copy.nextAttemptAt = nextAttemptAt;
            copy.lastError = lastError;
            copy.outcome = outcome;
            copy.organizationId = organizationId;
            copy.processedAt = processedAt;
            return copy;
        }
    }

    private final Map<Long, byte[]> deliveries = new LinkedHashMap<>();
    private final Map<Long, String> deliveryStates = new LinkedHashMap<>();
    private final Map<Long, Row> changes = new LinkedHashMap<>();
    /** How many changes were claimed one by one: a batch that fell back claims each of its changes so. */
    int claimedAlone;

    /** Whether a WABA is registered now, as the accounts table tells the PostgreSQL inbox. */
    private java.util.function.Predicate<WabaId> registered = waba -> true;

    /** Ties {@link #unroutableWabas} to the test's accounts, as the database joins them. */
    void registeredWabas(java.util.function.Predicate<WabaId> lookup) {
        this.registered = lookup;
    }
    private long nextId = 1;

    /**
     * Puts the changes and their states back as they are now when run: what a rolled-back transaction leaves of the
     * inbox. Ids drawn meanwhile stay drawn, as a sequence's do.
     */
    synchronized Runnable rollback() {
        Map<Long, Row> before = new LinkedHashMap<>();
        changes.forEach((id, row) -> before.put(id, row.copy()));
        return () -> {
            synchronized (this) {
                changes.clear();
                changes.putAll(before);
            }
        };
    }

    @Override
    public synchronized CompletionStage<Long> store(byte[] body, String signature, Instant receivedAt,
                                                   String malformedReason, List<NewInboxChange> added) {
        long id = nextId++;
        deliveries.put(id, body);
        deliveryStates.put(id, malformedReason == null ? "SPLIT" : "MALFORMED");
        addChanges(id, added, receivedAt);
        return CompletableFuture.completedStage(id);
    }

    private int addChanges(long deliveryId, List<NewInboxChange> added, Instant receivedAt) {
        int count = 0;
        for (NewInboxChange change : added) {
            if (changes.values().stream().anyMatch(r -> r.idempotencyKey.equals(change.idempotencyKey()))) {
                continue;
            }
            Row row = new Row();
            long id = nextId++;
            row.change = new InboxChange(id, deliveryId, change.objectType(), change.wabaId(), change.field(),
                    change.entryTime(), change.value(), receivedAt, 0);
            row.idempotencyKey = change.idempotencyKey();
            row.nextAttemptAt = receivedAt;
            changes.put(id, row);
            count++;
        }
        return count;
    }

    @Override
    public synchronized List<InboxChange> claimDueChanges(Instant now, int limit) {
        return changes.values().stream().filter(r -> r.state.equals("PENDING") && !r.nextAttemptAt.isAfter(now))
                .sorted(Comparator.comparing((Row r) -> r.nextAttemptAt).thenComparing(r -> r.change.id()))
                .limit(limit).map(r -> r.change).toList();
    }

    @Override
    public synchronized Optional<InboxChange> claimChange(long changeId) {
        claimedAlone++;
        return Optional.ofNullable(changes.get(changeId)).filter(r -> r.state.equals("PENDING")).map(r -> r.change);
    }

    @Override
    public synchronized void markDone(List<CompletedChange> completed, Instant now) {
        for (CompletedChange done : completed) {
            Row row = changes.get(done.changeId());
            row.state = "DONE";
            row.organizationId = done.organizationId();
            row.outcome = done.outcome();
            row.processedAt = now;
        }
    }

    @Override
    public synchronized void markIgnored(long changeId, String reason, Instant now) {
        changes.get(changeId).state = "IGNORED";
        changes.get(changeId).outcome = reason;
        changes.get(changeId).processedAt = now;
    }

    @Override
    public synchronized void markUnroutable(long changeId, Instant now) {
        changes.get(changeId).state = "UNROUTABLE";
    }

    @Override
    public synchronized void markFailed(long changeId, int attempts, String error, Instant nextAttemptAt) {
        Row row = changes.get(changeId);
        row.change = withAttempts(row.change, attempts);
        row.lastError = error;
        row.nextAttemptAt = nextAttemptAt;
    }

    @Override
    public synchronized boolean markDead(long changeId, int attempts, String error, Instant now) {
        Row row = changes.get(changeId);
        if (!"PENDING".equals(row.state)) {
            return false;
        }
        row.change = withAttempts(row.change, attempts);
        row.state = "DEAD";
        row.lastError = error;
        return true;
    }

    @Override
    public synchronized int requeueUnroutable(WabaId wabaId, Instant now) {
        int count = 0;
        for (Row row : changes.values()) {
            if (row.state.equals("UNROUTABLE") && wabaId.value().equals(row.change.wabaId())) {
                row.state = "PENDING";
                row.nextAttemptAt = now;
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized List<WabaId> unroutableWabas(int limit) {
        return changes.values().stream().filter(r -> r.state.equals("UNROUTABLE") && r.change.wabaId() != null
                        && r.change.wabaId().matches("[0-9]{1,32}")
                        && registered.test(new WabaId(r.change.wabaId())))
                .map(r -> new WabaId(r.change.wabaId())).distinct().limit(limit).toList();
    }

    @Override
    public synchronized Page<DeadLetter> deadLetters(PageRequest page) {
        List<DeadLetter> dead = new ArrayList<>();
        changes.values().stream().filter(r -> r.state.equals("DEAD")).forEach(r -> dead.add(new DeadLetter(
                r.change.id(), r.change.deliveryId(), r.change.wabaId(), r.change.field(), r.change.entryTime(),
                r.change.value(), r.change.attempts(), r.lastError, r.change.receivedAt())));
        return Page.of(dead, page);
    }

    @Override
    public synchronized Optional<ReplayedChange> replay(long changeId, Instant now) {
        Row row = changes.get(changeId);
        if (row == null || !row.state.equals("DEAD")) {
            return Optional.empty();
        }
        row.state = "PENDING";
        row.change = withAttempts(row.change, 0);
        row.nextAttemptAt = now;
        String waba = row.change.wabaId();
        return Optional.of(new ReplayedChange(Optional.ofNullable(waba), changes.values().stream()
                .anyMatch(r -> r.state.equals("DEAD") && Objects.equals(r.change.wabaId(), waba))));
    }

    @Override
    public synchronized int purgeSettled(Instant settledBefore, int limit) {
        List<Long> settled = changes.entrySet().stream()
                .filter(e -> (e.getValue().state.equals("DONE") || e.getValue().state.equals("IGNORED"))
                        && e.getValue().processedAt.isBefore(settledBefore))
                .map(Map.Entry::getKey).limit(limit).toList();
        settled.forEach(changes::remove);
        return settled.size();
    }

    @Override
    public synchronized InboxBacklog backlog() {
        Optional<Instant> nextDueReceivedAt = changes.values().stream().filter(row -> row.state.equals("PENDING"))
                .min(Comparator.comparing((Row row) -> row.nextAttemptAt).thenComparing(row -> row.change.id()))
                .map(row -> row.change.receivedAt());
        return new InboxBacklog(count("PENDING"), nextDueReceivedAt, count("UNROUTABLE"), count("DEAD"));
    }

    synchronized Row row(long changeId) {
        return changes.get(changeId);
    }

    synchronized String deliveryState(long deliveryId) {
        return deliveryStates.get(deliveryId);
    }

    synchronized long countIn(String state) {
        return count(state);
    }

    private long count(String state) {
        return changes.values().stream().filter(r -> r.state.equals(state)).count();
    }

    private static InboxChange withAttempts(InboxChange c, int attempts) {
        return new InboxChange(c.id(), c.deliveryId(), c.objectType(), c.wabaId(), c.field(), c.entryTime(), c.value(),
                c.receivedAt(), attempts);
    }
}
