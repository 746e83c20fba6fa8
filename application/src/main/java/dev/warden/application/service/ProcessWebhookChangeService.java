package dev.warden.application.service;

import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Use case implementation: the next batch of inbox changes, start to end, in one transaction with
 * their claim: route each WABA to its organisation, translate Meta's JSON, apply every change with
 * its side effects, mark them done. A failure rolls the batch back and its changes are retried one
 * by one, so one bad change never holds up the others; a change that can never be read goes
 * straight to the dead letters. Events are published after the commit.
 */
public final class ProcessWebhookChangeService implements ProcessWebhookChangeUseCase {

    /** Changes claimed and committed together; one commit for many changes is what keeps up with Meta's bursts. */
    static final int BATCH = 50;

    private final WebhookInbox inbox;
    private final WhatsAppAccountRepository accounts;
    private final MetaChangeTranslator translator;
    private final GovernancePorts governance;
    private final ConversationWindows windows;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final InboxRetryPolicy retryPolicy;
    private final Clock clock;
    private final Map<String, OrganizationId> routes = new ConcurrentHashMap<>();

    public ProcessWebhookChangeService(WebhookInbox inbox, WhatsAppAccountRepository accounts,
                                       MetaChangeTranslator translator, GovernancePorts governance,
                                       ConversationWindows windows, UnitOfWork unitOfWork,
                                       DomainEventPublisher publisher, InboxRetryPolicy retryPolicy, Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.translator = translator;
        this.governance = governance;
        this.windows = windows;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    @Override
    public boolean processNext() {
        List<InboxChange> claimed = new ArrayList<>();
        try {
            List<DomainEvent> events = unitOfWork.inTransaction(() -> {
                claimed.clear();
                claimed.addAll(inbox.claimDueChanges(clock.instant(), BATCH));
                return processAll(claimed);
            });
            publisher.publish(events);
            return !claimed.isEmpty();
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e;
            }
            // One change failed and took the batch's transaction with it: go through them one by one.
            claimed.forEach(change -> processAlone(change.id()));
            return true;
        }
    }

    private void processAlone(long changeId) {
        InboxChange[] claimed = new InboxChange[1];
        try {
            Optional<List<DomainEvent>> events = unitOfWork.inTransaction(() -> inbox.claimChange(changeId)
                    .map(change -> {
                        claimed[0] = change;
                        return processAll(List.of(change));
                    }));
            events.ifPresent(publisher::publish);
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            recordFailure(claimed[0], e);
        }
    }

    /**
     * One batch: route and translate every change, read the templates they name in one query per
     * organisation, govern them in order over write-behind ports, then write everything together.
     */
    private List<DomainEvent> processAll(List<InboxChange> changes) {
        Instant now = clock.instant();
        List<DomainEvent> events = new ArrayList<>();
        List<Translated> translated = new ArrayList<>();
        for (InboxChange change : changes) {
            translate(change, now, events).ifPresent(translated::add);
        }
        WriteBehindTemplates batch = governance.newBatch();
        translated.stream().filter(t -> t.meaning() instanceof TranslatedChange.TemplateUpdate)
                .collect(Collectors.groupingBy(Translated::organization, LinkedHashMap::new, Collectors.mapping(
                        t -> ((TranslatedChange.TemplateUpdate) t.meaning()).template().key(), Collectors.toList())))
                .forEach(batch::prefetch);
        TemplateGovernor governor = governance.governorOver(batch);
        List<WebhookInbox.CompletedChange> completed = new ArrayList<>();
        for (Translated t : translated) {
            String outcome;
            if (t.meaning() instanceof TranslatedChange.TemplateUpdate update) {
                GovernanceResult result = governor.govern(t.organization(), update.template(), update.change(), now);
                events.addAll(result.events());
                outcome = result.result().name() + " template " + result.templateId();
            } else {
                outcome = windows.apply(t.organization(), (TranslatedChange.ConversationUpdate) t.meaning());
            }
            completed.add(new WebhookInbox.CompletedChange(t.change().id(), t.organization(), outcome));
        }
        batch.flush();
        if (!completed.isEmpty()) {
            inbox.markDone(completed, now);
        }
        return events;
    }

    /** A change routed to its organisation and read into Warden's vocabulary. */
    private record Translated(InboxChange change, OrganizationId organization, TranslatedChange meaning) {
    }

    /** Routes and translates; a change that is unroutable, unreadable or ignored is settled here. */
    private Optional<Translated> translate(InboxChange change, Instant now, List<DomainEvent> events) {
        Optional<OrganizationId> routed = route(change.wabaId());
        if (routed.isEmpty()) {
            events.addAll(unroutable(change, now));
            return Optional.empty();
        }
        TranslatedChange meaning;
        try {
            meaning = translator.translate(change);
        } catch (MalformedPayload e) {
            inbox.markDead(change.id(), change.attempts(), "cannot be read: " + e.getMessage(), now);
            return Optional.empty();
        }
        if (meaning instanceof TranslatedChange.Ignored ignored) {
            inbox.markIgnored(change.id(), ignored.reason(), now);
            return Optional.empty();
        }
        return Optional.of(new Translated(change, routed.get(), meaning));
    }

    private Optional<OrganizationId> route(String wabaId) {
        if (wabaId == null) {
            return Optional.empty();
        }
        // A WABA never changes owner (a second registration is refused), so a found route can be
        // remembered; a missing one is looked up again, since the WABA may be registered any time.
        OrganizationId known = routes.get(wabaId);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Optional<OrganizationId> found = accounts.findByWabaId(new WabaId(wabaId))
                    .map(WhatsAppAccount::organizationId);
            found.ifPresent(organization -> routes.put(wabaId, organization));
            return found;
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<DomainEvent> unroutable(InboxChange change, Instant now) {
        inbox.markUnroutable(change.id(), now);
        String waba = change.wabaId() == null ? "(none)" : change.wabaId();
        return List.of(governance.alerting().raise(PlatformOrganization.ID, AlertType.UNROUTABLE_WEBHOOK, AlertSeverity.HIGH,
                AlertSubject.waba(waba), "Meta sent " + change.field() + " for WhatsApp Business Account " + waba
                        + ", which no organisation registered; the change is kept and is processed once it is",
                Map.of("wabaId", waba, "field", String.valueOf(change.field())), now));
    }

    private void recordFailure(InboxChange change, RuntimeException error) {
        int attempts = change.attempts() + 1;
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        Instant now = clock.instant();
        unitOfWork.run(() -> {
            if (error instanceof ConcurrentModification) {
                // Another worker changed the same template meanwhile: try again now, on fresh state.
                inbox.markFailed(change.id(), change.attempts(), message, now);
            } else if (retryPolicy.exhausted(attempts)) {
                inbox.markDead(change.id(), attempts, message, now);
            } else {
                inbox.markFailed(change.id(), attempts, message, retryPolicy.nextAttemptAt(attempts, now));
            }
        });
    }
}
