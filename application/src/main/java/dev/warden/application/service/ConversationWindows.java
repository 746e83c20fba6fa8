package dev.warden.application.service;

import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendDeliveryRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What webhooks say about the conversations with customers: a {@code messages} change links a phone
 * number and a business-scoped user id shown together, opens, refreshes and closes customer-service
 * windows (a customer named only by a linked user id writes to the window of the linked number), and
 * reports on sent messages ({@link DeliveryReports}); a {@code user_preferences} change puts a contact
 * on the WABA's marketing opt-out list (stop) or takes it off (resume). Each event is one atomic write:
 * two workers with events of one customer cannot lose either.
 */
public final class ConversationWindows {

    private final CustomerServiceWindowRepository windows;
    private final SendBlockRepository blocks;
    private final ContactLinkRepository links;
    private final DeliveryReports deliveries;
    private final Clock clock;

    public ConversationWindows(CustomerServiceWindowRepository windows, SendBlockRepository blocks,
                               ContactLinkRepository links, SendDeliveryRepository deliveries,
                               MessageSends lessons, Clock clock) {
        this.windows = windows;
        this.blocks = blocks;
        this.links = links;
        this.deliveries = new DeliveryReports(deliveries, lessons, clock);
        this.clock = clock;
    }

    /** A change of an inbox batch, as {@link #batch} reads it. */
    record Change(OrganizationId organization, WabaId wabaId, TranslatedChange meaning) {
    }

    /**
     * Starts a batch: writes the contact links all its {@code messages} changes show, at once and in one order
     * (organisation, WABA, number, user id). Every status of a message names its recipient, so two workers whose
     * batches report on the same customers would otherwise lock the same links in opposite orders and deadlock;
     * its delivery reports are written at its end ({@link Batch#flush}) for the same reason.
     */
    Batch batch(List<Change> changes) {
        Batch batch = new Batch(deliveries.pending());
        changes.stream()
                .filter(c -> c.meaning() instanceof TranslatedChange.ConversationUpdate)
                .flatMap(c -> ((TranslatedChange.ConversationUpdate) c.meaning()).links().stream()
                        .map(l -> new LinkKey(c.organization(), c.wabaId(), l.phone(), l.userId())))
                .distinct()
                .sorted(LinkKey.ORDER)
                .forEach(key -> batch.link(key, clock.instant()));
        return batch;
    }

    /** What a batch wrote so far and will write at its end. */
    final class Batch {

        private final DeliveryReports.Pending reports;
        private final Set<LinkKey> linked = new HashSet<>();

        private Batch(DeliveryReports.Pending reports) {
            this.reports = reports;
        }

        private void link(LinkKey key, Instant now) {
            if (linked.add(key)) {
                links.link(key.organization(), key.wabaId(), key.phone(), key.userId(), now);
            }
        }

        /** Writes the batch's delivery reports, in its transaction. */
        void flush() {
            reports.flush();
        }
    }

    private record LinkKey(OrganizationId organization, WabaId wabaId, String phone, String userId) {
        static final Comparator<LinkKey> ORDER = Comparator.comparing(LinkKey::organization, InboxBatch.LOCK_ORDER)
                .thenComparing(k -> k.wabaId().value()).thenComparing(LinkKey::phone).thenComparing(LinkKey::userId);
    }

    /**
     * A {@code messages} or {@code user_preferences} change of the WABA, in {@code batch}; returns what it did.
     * Its delivery reports are written with the batch's.
     */
    String apply(OrganizationId organization, WabaId wabaId, TranslatedChange meaning, Batch batch) {
        if (meaning instanceof TranslatedChange.PreferenceUpdate update) {
            return preferences(organization, wabaId, update);
        }
        return conversation(organization, wabaId, (TranslatedChange.ConversationUpdate) meaning, batch);
    }

    private String preferences(OrganizationId organization, WabaId wabaId, TranslatedChange.PreferenceUpdate update) {
        int stops = 0;
        int stale = 0;
        for (TranslatedChange.MarketingPreference p : update.preferences()) {
            MarketingPreference.State state = p.stopped() ? MarketingPreference.State.OPTED_OUT
                    : MarketingPreference.State.RESUMED;
            stops += p.stopped() ? 1 : 0;
            if (!blocks.prefer(new MarketingPreference(organization, wabaId, p.contact(), state, p.at(),
                    "user_preferences: " + (p.stopped() ? "stop" : "resume")))) {
                stale++;
            }
        }
        return stops + " marketing opt-outs, " + (update.preferences().size() - stops) + " resumes, " + stale
                + " older than what was known";
    }

    private String conversation(OrganizationId organization, WabaId wabaId,
                                TranslatedChange.ConversationUpdate update, Batch batch) {
        Instant now = clock.instant();
        for (TranslatedChange.ContactLink link : update.links()) {
            // Written when the batch began, unless this change was not among those it began with.
            batch.link(new LinkKey(organization, wabaId, link.phone(), link.userId()), now);
        }
        for (TranslatedChange.CustomerEvent inbound : update.inbound()) {
            for (String phone : phones(organization, wabaId, inbound.customerWaId())) {
                windows.recordInbound(new ConversationKey(organization, update.phoneNumberId(), phone), inbound.at());
            }
        }
        for (TranslatedChange.CustomerEvent failure : update.reEngagementFailures()) {
            ConversationKey key = new ConversationKey(organization, update.phoneNumberId(), failure.customerWaId());
            windows.recordReEngagementFailure(key, failure.at());
        }
        String reported = update.deliveries().isEmpty() ? ""
                : ", " + deliveries.apply(organization, wabaId, update.deliveries(), batch.reports);
        return update.inbound().size() + " inbound, " + update.reEngagementFailures().size()
                + " re-engagement failures, " + update.links().size() + " contact links" + reported;
    }

    /** Windows are kept by phone number: a user id stands for the numbers it is linked to (none: no window). */
    private List<String> phones(OrganizationId organization, WabaId wabaId, String customer) {
        return customer.matches("[0-9]{1,32}") ? List.of(customer) : links.linked(organization, wabaId, customer);
    }
}
