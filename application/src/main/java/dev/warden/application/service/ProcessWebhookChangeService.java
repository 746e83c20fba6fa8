package dev.warden.application.service;

import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.ProcessedBatch;
import dev.warden.application.port.out.DeadLetterLog;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.application.port.out.WebhookMetrics;
import dev.warden.application.port.out.WebhookMetrics.ChangeFate;
import dev.warden.application.service.ChangeRouting.RoutedChange;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Use case implementation: the next batch of inbox changes, start to end, in one transaction with
 * their claim. This class orchestrates; {@link ChangeRouting} routes and translates each change,
 * {@link GovernancePorts#governBatchLeavingBusy} locks, governs and writes the batch's templates (the path
 * reconciliation shares), or {@link ConversationWindows} applies a conversation change (the batch's contact
 * links written first and its delivery reports last, each in one order). A change whose template another batch
 * holds is left PENDING for a later batch instead of waited for (ADR 0024). A failure rolls the batch back and its
 * changes are retried one by one, so one bad change never holds up the others; a change that can never be read goes
 * straight to the dead letters. Events are published after the commit.
 */
public final class ProcessWebhookChangeService implements ProcessWebhookChangeUseCase {

    /**
     * Changes claimed and committed together; one commit for many changes is what keeps up with Meta's bursts. 200,
     * not 50: a batch pays for each of its statements once, and in the realistic bench 200 drained 3,665 and 3,984
     * changes/s where 50 drained 2,639-2,778 and 100 2,596-3,151 (docs/benchmarks.md; measured when each statement
     * was planned afresh, ADR 0007; since ADR 0032 all but the claim may plan generically, and 200 was not measured
     * again).
     */
    static final int BATCH = 200;
    /** When a change whose statuses are ahead of their send is tried again. */
    static final Duration AHEAD_RETRY = Duration.ofSeconds(1);

    private final WebhookInbox inbox;
    private final ChangeRouting routing;
    private final GovernancePorts governance;
    private final ConversationWindows windows;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final InboxRetryPolicy retryPolicy;
    private final DeadLetters deadLetters;
    private final DeadLetterLog deadLetterLog;
    private final WebhookMetrics metrics;
    private final Clock clock;

    public ProcessWebhookChangeService(WebhookInbox inbox, WhatsAppAccountRepository accounts,
                                       MetaChangeTranslator translator, GovernancePorts governance,
                                       ConversationWindows windows, UnitOfWork unitOfWork,
                                       DomainEventPublisher publisher, InboxRetryPolicy retryPolicy,
                                       DeadLetterLog deadLetterLog, WebhookMetrics metrics, Clock clock) {
        this.inbox = inbox;
        Alerting alerting = governance.alerting();
        this.deadLetters = new DeadLetters(inbox, alerting);
        this.deadLetterLog = deadLetterLog;
        this.routing = new ChangeRouting(inbox, accounts, translator, alerting, deadLetters);
        this.governance = governance;
        this.windows = windows;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Optional<ProcessedBatch> processNextBatch() {
        List<InboxChange> claimed = new ArrayList<>();
        ChangeTally tally = new ChangeTally();
        List<DomainEvent> events;
        try {
            events = unitOfWork.inTransaction(() -> {
                claimed.clear();
                tally.clear();
                claimed.addAll(inbox.claimDueChanges(clock.instant(), BATCH));
                return processAll(claimed, tally);
            });
        } catch (RuntimeException | StackOverflowError e) {
            // A stack overflow belongs to one change (say a deeply nested value) as much as an
            // exception does; other errors (out of memory) are the worker's to survive.
            if (claimed.isEmpty()) {
                throw e;
            }
            // One change failed and took the batch's transaction with it: go through them one by one.
            claimed.forEach(change -> processAlone(change.id()));
            return processed(claimed);
        }
        // Committed: a failure from here on is the worker's to log, not a reason to redo the batch's changes alone.
        tally.reportTo(metrics, deadLetterLog);
        publisher.publish(events);
        return processed(claimed);
    }

    private static Optional<ProcessedBatch> processed(List<InboxChange> claimed) {
        return claimed.stream().map(InboxChange::receivedAt).min(Comparator.naturalOrder())
                .map(oldest -> new ProcessedBatch(claimed.size() >= BATCH, oldest));
    }

    private void processAlone(long changeId) {
        InboxChange[] claimed = new InboxChange[1];
        ChangeTally tally = new ChangeTally();
        Optional<List<DomainEvent>> events;
        try {
            events = unitOfWork.inTransaction(() -> {
                tally.clear();
                return inbox.claimChange(changeId).map(change -> {
                    claimed[0] = change;
                    return processAll(List.of(change), tally);
                });
            });
        } catch (RuntimeException | StackOverflowError e) {
            if (claimed[0] == null) {
                throw e;
            }
            recordFailure(claimed[0], e);
            return;
        }
        tally.reportTo(metrics, deadLetterLog);
        events.ifPresent(publisher::publish);
    }

    /**
     * One batch: read every change (route and translate), read the templates they name in one
     * query per organisation, govern them in order over write-behind ports, then write everything
     * together and mark the changes done; those about a template another batch holds stay PENDING.
     */
    private List<DomainEvent> processAll(List<InboxChange> changes, ChangeTally tally) {
        Instant now = clock.instant();
        List<DomainEvent> events = new ArrayList<>();
        List<RoutedChange> routed = new ArrayList<>();
        for (InboxChange change : changes) {
            routing.read(change, now, events, tally).ifPresent(routed::add);
        }
        Map<OrganizationId, List<TemplateKey>> keys = routed.stream()
                .filter(r -> r.meaning() instanceof TranslatedChange.TemplateUpdate)
                .collect(Collectors.groupingBy(RoutedChange::organization, LinkedHashMap::new, Collectors.mapping(
                        r -> ((TranslatedChange.TemplateUpdate) r.meaning()).template().key(), Collectors.toList())));
        ConversationWindows.Batch conversations = windows.batch(routed.stream().map(r -> new ConversationWindows.Change(
                r.organization(), new WabaId(r.change().wabaId()), r.meaning())).toList());
        boolean otherChanges = routed.stream()
                .anyMatch(r -> !(r.meaning() instanceof TranslatedChange.TemplateUpdate));
        List<WebhookInbox.CompletedChange> completed = governance.governBatchLeavingBusy(keys, otherChanges,
                governor -> {
            List<WebhookInbox.CompletedChange> done = new ArrayList<>();
            for (RoutedChange r : routed) {
                if (r.meaning() instanceof TranslatedChange.TemplateUpdate update
                        && governor.busy(r.organization(), update.template().key())) {
                    // Left PENDING, as claimed: due first again, for whichever batch claims next.
                    tally.add(ChangeFate.DEFERRED);
                    continue;
                }
                try {
                    done.add(new WebhookInbox.CompletedChange(r.change().id(), r.organization(),
                            apply(governor, r, conversations, now, events, tally)));
                } catch (StatusesAheadOfSends ahead) {
                    // Not a failure, and no reason to undo the batch: the send it reports on is being recorded.
                    // What it wrote before (links, windows) is written again, the same, when it is tried again.
                    inbox.markFailed(r.change().id(), r.change().attempts(), ahead.getMessage(),
                            now.plus(AHEAD_RETRY));
                }
            }
            return done;
        });
        conversations.flush();
        if (!completed.isEmpty()) {
            inbox.markDone(completed, now);
        }
        return events;
    }

    /** Applies one routed change; returns what it did, for the inbox row. */
    private String apply(BatchGovernor governor, RoutedChange routed, ConversationWindows.Batch conversations,
                         Instant now, List<DomainEvent> events, ChangeTally tally) {
        if (routed.meaning() instanceof TranslatedChange.TemplateUpdate update) {
            GovernanceResult result = governor.govern(routed.organization(), update.template(), update.change(), now);
            events.addAll(result.events());
            tally.add(result.result());
            return result.result().name() + " template " + result.templateId();
        }
        tally.add(ChangeFate.CONVERSATION);
        return windows.apply(routed.organization(), new WabaId(routed.change().wabaId()), routed.meaning(), conversations);
    }

    /**
     * A change failed alone: retry later with backoff, or bury it once the attempts are spent. A
     * concurrent modification (another worker changed the same template) counts as an attempt
     * too: retried on fresh state after a jittered delay, and bounded like any other failure.
     */
    private void recordFailure(InboxChange change, Throwable error) {
        Instant now = clock.instant();
        int attempts = change.attempts() + 1;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        ChangeTally tally = new ChangeTally();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            tally.clear();
            boolean exhausted = error instanceof ConcurrentModification
                    ? retryPolicy.exhaustedByContention(attempts) : retryPolicy.exhausted(attempts);
            if (exhausted) {
                return deadLetters.bury(change, routing.organizationOf(change.wabaId()), attempts,
                        "failed " + attempts + " times, last: " + message, now, tally).stream().toList();
            }
            inbox.markFailed(change.id(), attempts, message, retryPolicy.nextAttemptAt(attempts, now));
            tally.add(ChangeFate.RETRIED);
            return List.<DomainEvent>of();
        });
        tally.reportTo(metrics, deadLetterLog);
        publisher.publish(events);
    }
}
