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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Status reports of a {@code messages} change applied to the sends they name: one query finds the sends
 * of the webhook's organisation and WABA by the provider's message ids (a status of a message Warden did
 * not send is ignored), one round trip merges the reports into what is kept. A send's first reported
 * failure teaches what the same refusal of the call would ({@link MessageSends#keep}: cool-down, opt-out,
 * closed window, stopped WABA), at the status's time; a redelivered failure teaches nothing again, so a
 * stop a person lifted is not brought back by Meta's retries. A recent status of an id no send has, while a
 * send of the WABA is being made, may be that send's, overtaking the dispatcher's record of the id: the
 * change is then tried again ({@link StatusesAheadOfSends}) until the status is {@link #AHEAD_WINDOW} old.
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

    /** Returns what it did, for the inbox row. */
    String apply(OrganizationId organization, WabaId wabaId, List<DeliveryReport> reports) {
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
        Map<UUID, List<DeliveryReport>> matched = new LinkedHashMap<>();
        Set<UUID> taught = new LinkedHashSet<>();
        for (DeliveryReport report : reports) {
            MatchedSend send = sends.get(report.providerMessageId());
            if (send == null) {
                continue;
            }
            matched.computeIfAbsent(send.notificationId(), id -> new ArrayList<>()).add(report);
            if (report.failure().isPresent() && !send.failureKnown() && taught.add(send.notificationId())) {
                learn(organization, send, report);
            }
        }
        if (!matched.isEmpty()) {
            deliveries.record(organization, matched);
        }
        long known = reports.stream().filter(r -> sends.containsKey(r.providerMessageId())).count();
        return known + " statuses of " + matched.size() + " sends, " + (reports.size() - known)
                + " of messages Warden did not send";
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
