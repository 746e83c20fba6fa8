package dev.warden.application.service;

import dev.warden.application.port.in.DispatchNotificationsUseCase;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.application.port.out.NotificationMetrics;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.notification.NotificationPreferences.WhatsAppProvider;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Use case implementation: claim a batch of due notifications (one short transaction), deliver them
 * concurrently through their channels on the delivery executor with no transaction open, record every
 * outcome together (a second short transaction, set-based in the outbox), and only then, after
 * that commit, raise or resolve alerts about the channels. A dispatcher that dies between the send
 * and the record leaves its claim to expire: the notification is sent again under the same id
 * (at-least-once; the id makes the repeat recognisable). A channel that refuses for good, or a
 * notification that runs out of attempts, raises an alert about the channel, which the other channels
 * carry; the channel's next delivery resolves it. WhatsApp goes through the provider the organisation
 * names at the time of each try, so switching provider also redirects what is still waiting. A customer
 * message (a notification with an outbound message) goes through {@link MessageSends} instead: the
 * provider it names, its own checks and what its refusals teach; it reports no channel alert (its
 * refusals are about the business's own sends, not about Warden's alert channels). Campaign sends are
 * claimed apart, up to the campaign rate, only while their campaign runs, and checked again right before
 * the call ({@link CampaignDispatch}, docs/adr/0016).
 */
public final class DispatchNotificationsService implements DispatchNotificationsUseCase {

    /**
     * @param claimTimeout how long a claim holds: longer than the slowest batch can take
     * @param batchSize    notifications claimed, sent and recorded together
     * @param deliveries   runs the provider calls, so that a batch's are in flight together
     */
    public record Settings(Duration claimTimeout, int batchSize, Executor deliveries) {
        public Settings {
            Objects.requireNonNull(claimTimeout, "claimTimeout");
            Objects.requireNonNull(deliveries, "deliveries");
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
            }
        }
    }

    /** Tries of the transaction that records a batch's outcomes. */
    static final int RECORD_ATTEMPTS = 3;

    private final NotificationOutbox outbox;
    private final NotificationPreferencesStore preferences;
    private final Map<ChannelKind, NotificationChannel> channels = new EnumMap<>(ChannelKind.class);
    private final Map<WhatsAppProvider, NotificationChannel> whatsApp = new EnumMap<>(WhatsAppProvider.class);
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final ChannelAlerts channelAlerts;
    private final Clock clock;
    private final Settings settings;
    private final MessageSends messageSends;
    private final CampaignDispatch campaigns;
    private final NotificationMetrics metrics;
    private final ServerLog log;

    public DispatchNotificationsService(NotificationOutbox outbox, NotificationPreferencesStore preferences,
                                        List<NotificationChannel> channels, RetryPolicy retryPolicy,
                                        UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher,
                                        ServerLog log, Clock clock, Settings settings,
                                        MessageSends messageSends, CampaignDispatch campaigns,
                                        NotificationMetrics metrics) {
        this.outbox = outbox;
        this.preferences = preferences;
        channels.forEach(channel -> channel.whatsAppProvider().ifPresentOrElse(
                provider -> whatsApp.put(provider, channel), () -> this.channels.put(channel.kind(), channel)));
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.channelAlerts = new ChannelAlerts(unitOfWork, alerting, publisher, log);
        this.clock = clock;
        this.settings = settings;
        this.messageSends = messageSends;
        this.campaigns = campaigns;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public int dispatchNext() {
        Instant claimedAt = clock.instant();
        int campaignBudget = campaigns.budget(settings.batchSize());
        Claim claim;
        try {
            claim = unitOfWork.inTransaction(() -> {
                List<Notification> due = outbox.claimDue(claimedAt, claimedAt.plus(settings.claimTimeout()),
                        settings.batchSize(), campaignBudget);
                return new Claim(due, whatsAppProviders(due));
            });
        } catch (RuntimeException e) {
            campaigns.unused(campaignBudget, List.of());
            throw e;
        }
        campaigns.unused(campaignBudget, claim.notifications());
        if (claim.notifications().isEmpty()) {
            return 0;
        }
        // Each call catches whatever its channel throws, so joining them all cannot fail half way.
        List<CompletableFuture<Tried>> sending = claim.notifications().stream()
                .map(n -> CompletableFuture.supplyAsync(() -> tryOnce(n, claim), settings.deliveries()))
                .toList();
        List<Tried> tried = sending.stream().map(CompletableFuture::join).toList();
        List<NotificationOutbox.Outcome> outcomes = tried.stream().map(this::outcome).toList();
        // The outcomes commit on their own: nothing the channel alerts do afterwards can undo them.
        Set<UUID> recorded = record(outcomes);
        outcomes.stream().filter(outcome -> outcome.counted() && recorded.contains(outcome.claimed().id()))
                .forEach(outcome -> metrics.tried(outcome.claimed().channel(), outcome.status()));
        report(tried, outcomes, recorded);
        return claim.notifications().size();
    }

    private record Claim(List<Notification> notifications, Map<OrganizationId, WhatsAppProvider> providers) {
    }

    private record Tried(Notification notification, DeliveryOutcome outcome, Instant at) {
    }

    /** One preferences read per organisation with WhatsApp notifications in the batch; none without. */
    private Map<OrganizationId, WhatsAppProvider> whatsAppProviders(List<Notification> due) {
        Map<OrganizationId, WhatsAppProvider> providers = new HashMap<>();
        for (Notification n : due) {
            if (n.channel() == ChannelKind.WHATSAPP && n.outbound().isEmpty()) {
                providers.computeIfAbsent(n.organizationId(), org -> preferences.find(org)
                        .map(NotificationPreferences::whatsAppProvider).orElse(WhatsAppProvider.MYOPERATOR));
            }
        }
        return providers;
    }

    /**
     * One delivery task. An Error too (a class that failed to load, a stack overflow in a provider's
     * parser) becomes this notification's Retryable outcome: thrown, it would fail the batch's join
     * before anything is recorded, and every other accepted send of the batch would go again once the
     * claim expires.
     */
    private Tried tryOnce(Notification notification, Claim claim) {
        DeliveryOutcome outcome;
        try {
            outcome = deliver(notification, claim);
        } catch (Throwable e) {
            outcome = new DeliveryOutcome.Retryable(e.getClass().getName() + ": " + e.getMessage(), Optional.empty());
        }
        return new Tried(notification, outcome, clock.instant());
    }

    /**
     * Records the batch, its transaction tried up to {@link #RECORD_ATTEMPTS} times: a lost record means
     * sends done again after the claim expires. Trying again is safe because an outcome applies only while
     * its row is still SENDING with the claimed attempt count.
     */
    private Set<UUID> record(List<NotificationOutbox.Outcome> outcomes) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unitOfWork.inTransaction(() -> outbox.recordAll(outcomes));
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS) {
                    throw e;
                }
                log.warning("Could not record the outcomes of " + outcomes.size() + " notifications (try " + attempt
                        + " of " + RECORD_ATTEMPTS + "); trying again", e);
            }
        }
    }

    private DeliveryOutcome deliver(Notification notification, Claim claim) {
        if (notification.outbound().isPresent()) {
            try {
                CampaignDispatch.Checked checked = campaigns.check(notification);
                return checked.notNow().isPresent() ? checked.notNow().get() : messageSends.deliver(checked.send());
            } catch (RuntimeException e) {
                return new DeliveryOutcome.Retryable(e.getClass().getSimpleName() + ": " + e.getMessage(),
                        Optional.empty());
            }
        }
        WhatsAppProvider provider = claim.providers().get(notification.organizationId());
        NotificationChannel channel = notification.channel() == ChannelKind.WHATSAPP ? whatsApp.get(provider)
                : channels.get(notification.channel());
        if (channel == null) {
            return new DeliveryOutcome.Permanent("no " + notification.channel() + " channel is configured"
                    + (notification.channel() == ChannelKind.WHATSAPP ? " for provider " + provider : ""), true);
        }
        try {
            return channel.deliver(notification);
        } catch (RuntimeException e) {
            // A channel sorts what it knows; anything else (a defect, an odd network failure) may pass.
            return new DeliveryOutcome.Retryable(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Optional.empty());
        }
    }

    private NotificationOutbox.Outcome outcome(Tried tried) {
        Notification n = tried.notification();
        DeliveryOutcome outcome = tried.outcome();
        Optional<String> error = Optional.empty();
        Optional<String> providerId = Optional.empty();
        Instant next = tried.at();
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            providerId = sent.providerMessageId();
        } else if (outcome instanceof DeliveryOutcome.Retryable retryable) {
            error = Optional.of(retryable.error());
            next = retryPolicy.nextAttemptAt(n.attempts(), tried.at(), retryable.notBefore().orElse(Duration.ZERO));
        } else if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            error = Optional.of(permanent.error());
        } else if (outcome instanceof DeliveryOutcome.Skipped skipped) {
            error = Optional.of(skipped.reason());
        } else if (outcome instanceof DeliveryOutcome.Held held) {
            next = held.notBefore().filter(tried.at()::isBefore).orElse(tried.at());
        }
        return new NotificationOutbox.Outcome(n, n.after(outcome), tried.at(), error, providerId, next,
                !(outcome instanceof DeliveryOutcome.Held));
    }

    /**
     * Each recorded refusal that says the channel cannot send, and each notification out of attempts,
     * reports its channel (the newest such try per channel); a channel that delivered, with nothing in
     * the batch saying otherwise, may have recovered.
     */
    private void report(List<Tried> tried, List<NotificationOutbox.Outcome> outcomes, Set<UUID> recorded) {
        Map<ChannelAlerts.Key, ChannelAlerts.Failure> failing = new LinkedHashMap<>();
        Map<ChannelAlerts.Key, Instant> delivered = new LinkedHashMap<>();
        for (int i = 0; i < tried.size(); i++) {
            Tried t = tried.get(i);
            if (!recorded.contains(t.notification().id()) || t.notification().outbound().isPresent()) {
                continue;
            }
            ChannelAlerts.Key key = new ChannelAlerts.Key(t.notification().organizationId(),
                    t.notification().channel());
            if (reportsChannel(t, outcomes.get(i))) {
                failing.merge(key, new ChannelAlerts.Failure(t.notification(), error(t.outcome()), t.at()),
                        (a, b) -> b.at().isBefore(a.at()) ? a : b);
            } else if (t.outcome() instanceof DeliveryOutcome.Sent) {
                delivered.merge(key, t.at(), (a, b) -> b.isAfter(a) ? b : a);
            }
        }
        delivered.keySet().removeAll(failing.keySet());
        channelAlerts.report(List.copyOf(failing.values()), delivered);
    }

    /** A refusal that says the channel cannot send, or a notification out of attempts. */
    private static boolean reportsChannel(Tried tried, NotificationOutbox.Outcome recorded) {
        boolean channelBroken = tried.outcome() instanceof DeliveryOutcome.Permanent p && p.channelBroken();
        return channelBroken || recorded.status() == NotificationStatus.DEAD;
    }

    private static String error(DeliveryOutcome outcome) {
        return outcome instanceof DeliveryOutcome.Permanent p ? p.error()
                : outcome instanceof DeliveryOutcome.Retryable r ? r.error() : "";
    }
}
