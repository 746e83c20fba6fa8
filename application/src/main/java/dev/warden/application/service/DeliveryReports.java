package dev.warden.application.service;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.DeliveryReport;
import dev.warden.domain.sending.SendDeliveryRepository;
import dev.warden.domain.sending.SendDeliveryRepository.MatchedSend;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Status reports of a {@code messages} change applied to the sends they name: one query finds the sends
 * of the webhook's organisation and WABA by the provider's message ids (a status of a message Warden did
 * not send is ignored), and the reports are merged into what is kept when the batch ends. A send's first reported
 * failure teaches what the same refusal of the call would ({@link MessageSends#keep}: cool-down, opt-out,
 * closed window, stopped WABA), at the status's time; a redelivered failure teaches nothing again, so a
 * stop a person lifted is not brought back by Meta's retries. A recent status of an id no send has, while a
 * send of the WABA is being made, may be that send's, overtaking the dispatcher's record of the id: the
 * change is then tried again ({@link StatusesAheadOfSends}) until the status is {@link #AHEAD_WINDOW} old.
 * <p>
 * What an inbox batch's changes report is merged in {@link Pending} and written when the batch ends, one
 * round trip, its sends in one order: two workers whose batches report on the same sends (Meta's statuses of
 * one message come seconds apart, often into two batches) then lock their delivery rows in the same order and
 * do not deadlock on them, where writing each change's reports as it came made them wait for each other's
 * batch and fail (the batch's contact links are ordered the same way: {@link ConversationWindows#batch}).
 */
final class DeliveryReports {

    /**
     * How long after its time a status of an unknown id may still be a send's being recorded: as long as the
     * default claim timeout (notify.claim-timeout, 2 minutes); fixed, so a longer claim timeout does not make
     * statuses of messages Warden did not send wait longer.
     */
    static final Duration AHEAD_WINDOW = Duration.ofMinutes(2);

    private final SendDeliveryRepository deliveries;
    private final MessageSends lessons;
    private final Clock clock;

    DeliveryReports(SendDeliveryRepository deliveries, MessageSends lessons, Clock clock) {
        this.deliveries = deliveries;
        this.lessons = lessons;
        this.clock = clock;
    }

    /** A batch's reports, to be written at its end. */
    Pending pending() {
        return new Pending();
    }

    /** Returns what it did, for the inbox row; the reports matched are written by {@code pending}'s flush. */
    String apply(OrganizationId organization, WabaId wabaId, List<DeliveryReport> reports, Pending pending) {
        if (reports.isEmpty()) {
            return "0 statuses";
        }
        Set<String> ids = reports.stream().map(DeliveryReport::providerMessageId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, MatchedSend> sends = deliveries.match(organization, wabaId, ids).stream()
                .collect(Collectors.toMap(MatchedSend::providerMessageId, Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        Instant recent = now.minus(AHEAD_WINDOW);
        // A status dated in the future (a skewed clock) is taken as said now: it cannot stretch the window.
        long ahead = reports.stream().filter(r -> !sends.containsKey(r.providerMessageId())
                && (r.at().isAfter(now) ? now : r.at()).isAfter(recent)).count();
        if (ahead > 0 && deliveries.handsOver(organization, wabaId, now)) {
            throw new StatusesAheadOfSends(ahead);
        }
        Set<UUID> matched = new LinkedHashSet<>();
        for (DeliveryReport report : reports) {
            MatchedSend send = sends.get(report.providerMessageId());
            if (send == null) {
                continue;
            }
            matched.add(send.notificationId());
            // The first failure reported teaches, whether it was kept before or earlier in this batch.
            if (report.failure().isPresent() && !send.failureKnown()
                    && !pending.failureOf(organization, send.notificationId())) {
                learn(organization, send, report);
            }
            pending.add(organization, send.notificationId(), report);
        }
        long known = reports.stream().filter(r -> sends.containsKey(r.providerMessageId())).count();
        return known + " statuses of " + matched.size() + " sends, " + (reports.size() - known)
                + " of messages Warden did not send";
    }

    /** The reports of one batch by organisation and send, both in a fixed order (the order locks are taken in). */
    final class Pending {

        private final Map<OrganizationId, Map<UUID, List<DeliveryReport>>> reports =
                new TreeMap<>(InboxBatch.LOCK_ORDER);

        private void add(OrganizationId organization, UUID send, DeliveryReport report) {
            reports.computeIfAbsent(organization, o -> new TreeMap<>()).computeIfAbsent(send, s -> new ArrayList<>())
                    .add(report);
        }

        private boolean failureOf(OrganizationId organization, UUID send) {
            return reports.getOrDefault(organization, Map.of()).getOrDefault(send, List.of()).stream()
                    .anyMatch(r -> r.failure().isPresent());
        }

        /** Writes what was added, in the transaction of the batch. */
        void flush() {
            reports.forEach(deliveries::record);
            reports.clear();
        }
    }

    private void learn(OrganizationId organization, MatchedSend send, DeliveryReport report) {
        DeliveryReport.Failure failure = report.failure().orElseThrow();
        if (!lessons.keep(organization, send.notificationId(), send.message(), failure.refusal(), failure.error(),
                report.at())) {
            // The change is retried (its batch rolls back), and with it the stop: never lost silently.
            throw new IllegalStateException("the stop of WABA " + send.message().wabaId() + " could not be recorded");
        }
    }
}
