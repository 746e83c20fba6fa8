package dev.warden.application.service;

import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.application.port.out.WebhookMetrics.ChangeFate;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a claimed inbox change: routes its WABA to the organisation that registered it and
 * translates Meta's JSON into Warden's vocabulary. A change that has no route, cannot be read or
 * means nothing to Warden is settled here, in the caller's transaction; the rest go on to be governed.
 */
final class ChangeRouting {

    private final WebhookInbox inbox;
    private final WhatsAppAccountRepository accounts;
    private final MetaChangeTranslator translator;
    private final Alerting alerting;
    private final DeadLetters deadLetters;
    private final Map<String, OrganizationId> routes = new ConcurrentHashMap<>();

    ChangeRouting(WebhookInbox inbox, WhatsAppAccountRepository accounts, MetaChangeTranslator translator,
                  Alerting alerting, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.translator = translator;
        this.alerting = alerting;
        this.deadLetters = deadLetters;
    }

    /** A change routed to its organisation and read into Warden's vocabulary. */
    record RoutedChange(InboxChange change, OrganizationId organization, TranslatedChange meaning) {
    }

    /** Routes and translates one change; empty when it was settled instead (events it raised go to {@code events}). */
    Optional<RoutedChange> read(InboxChange change, Instant now, List<DomainEvent> events, ChangeTally tally) {
        Optional<OrganizationId> routed = organizationOf(change.wabaId());
        if (routed.isEmpty()) {
            events.add(unroutable(change, now));
            tally.add(ChangeFate.UNROUTABLE);
            return Optional.empty();
        }
        TranslatedChange meaning;
        try {
            meaning = translator.translate(change);
        } catch (MalformedPayload e) {
            deadLetters.bury(change, routed, change.attempts(), "cannot be read: " + e.getMessage(), now, tally)
                    .ifPresent(events::add);
            return Optional.empty();
        }
        if (meaning instanceof TranslatedChange.Ignored ignored) {
            inbox.markIgnored(change.id(), ignored.reason(), now);
            tally.add(ChangeFate.IGNORED);
            return Optional.empty();
        }
        return Optional.of(new RoutedChange(change, routed.get(), meaning));
    }

    /** The organisation that registered the WABA, if one has. */
    Optional<OrganizationId> organizationOf(String wabaId) {
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

    private DomainEvent unroutable(InboxChange change, Instant now) {
        inbox.markUnroutable(change.id(), now);
        String waba = change.wabaId() == null ? "(none)" : change.wabaId();
        return alerting.raise(PlatformOrganization.ID, AlertType.UNROUTABLE_WEBHOOK, AlertSeverity.HIGH,
                AlertSubject.waba(waba), "Meta sent " + change.field() + " for WhatsApp Business Account " + waba
                        + ", which no organisation registered; the change is kept and is processed once it is",
                Map.of("wabaId", waba, "field", String.valueOf(change.field())), now);
    }
}
