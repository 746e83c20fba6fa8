package dev.warden.application.service;

import dev.warden.application.port.in.DispatchNotificationsUseCase;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.application.port.out.NotificationMetrics;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.NotificationPreferencesStore;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Use case implementation: claim due notifications (one short transaction), deliver each through
 * its channel with no transaction open, then record every outcome (a second short transaction). A
 * dispatcher that dies between the send and the record leaves its claim to expire: the
 * notification is sent again under the same id (at-least-once; the id makes the repeat
 * recognisable). A channel that refuses for good, or a notification that runs out of attempts,
 * raises an alert about the channel, which the other channels carry; the channel's next delivery
 * resolves it. WhatsApp goes through the provider the organisation names at the time of each try,
 * so switching provider also redirects what is still waiting.
 */
public final class DispatchNotificationsService implements DispatchNotificationsUseCase {

    private final NotificationOutbox outbox;
    private final NotificationPreferencesStore preferences;
    private final Map<ChannelKind, NotificationChannel> channels = new EnumMap<>(ChannelKind.class);
    private final Map<WhatsAppProvider, NotificationChannel> whatsApp = new EnumMap<>(WhatsAppProvider.class);
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final ChannelAlerts channelAlerts;
    private final Clock clock;
    private final Duration claimTimeout;
    private final int batchSize;
    private final NotificationMetrics metrics;

    public DispatchNotificationsService(NotificationOutbox outbox, NotificationPreferencesStore preferences,
                                        List<NotificationChannel> channels, RetryPolicy retryPolicy,
                                        UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher,
                                        Clock clock, Duration claimTimeout, int batchSize,
                                        NotificationMetrics metrics) {
        this.outbox = outbox;
        this.preferences = preferences;
        channels.forEach(channel -> channel.whatsAppProvider().ifPresentOrElse(
                provider -> whatsApp.put(provider, channel), () -> this.channels.put(channel.kind(), channel)));
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.channelAlerts = new ChannelAlerts(unitOfWork, alerting, publisher);
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.batchSize = batchSize;
        this.metrics = metrics;
    }

    @Override
    public int dispatchNext() {
        Instant claimedAt = clock.instant();
        Claim claim = unitOfWork.inTransaction(() -> {
            List<Notification> due = outbox.claimDue(claimedAt, claimedAt.plus(claimTimeout), batchSize);
            return new Claim(due, whatsAppProviders(due));
        });
        if (claim.notifications().isEmpty()) {
            return 0;
        }
        List<Tried> tried = new ArrayList<>();
        for (Notification notification : claim.notifications()) {
            tried.add(new Tried(notification, deliver(notification, claim), clock.instant()));
        }
        List<NotificationOutbox.Outcome> outcomes = tried.stream().map(this::outcome).toList();
        // One transaction, set-based: recording row by row was what bounded the throughput (docs/benchmarks.md).
        // The look for channel alerts to resolve rides along; the raising and resolving get their own.
        Set<UUID> recorded = new HashSet<>();
        Report report = unitOfWork.inTransaction(() -> {
            recorded.clear();
            recorded.addAll(outbox.recordAll(outcomes));
            return report(tried, outcomes, recorded);
        });
        outcomes.stream().filter(outcome -> recorded.contains(outcome.claimed().id()))
                .forEach(outcome -> metrics.tried(outcome.claimed().channel(), outcome.status()));
        report.failing().forEach(t -> channelAlerts.failing(t.notification(), error(t.outcome()), t.at()));
        report.recovered().forEach((key, at) -> channelAlerts.delivering(key.organizationId(), key.channel(), at));
        return claim.notifications().size();
    }

    private record Claim(List<Notification> notifications, Map<OrganizationId, WhatsAppProvider> providers) {
    }

    private record Tried(Notification notification, DeliveryOutcome outcome, Instant at) {
    }

    private record OrganizationChannel(OrganizationId organizationId, ChannelKind channel) {
    }

    /** One preferences read per organisation with WhatsApp notifications in the batch; none without. */
    private Map<OrganizationId, WhatsAppProvider> whatsAppProviders(List<Notification> due) {
        Map<OrganizationId, WhatsAppProvider> providers = new HashMap<>();
        for (Notification n : due) {
            if (n.channel() == ChannelKind.WHATSAPP) {
                providers.computeIfAbsent(n.organizationId(), org -> preferences.find(org)
                        .map(NotificationPreferences::whatsAppProvider).orElse(WhatsAppProvider.MYOPERATOR));
            }
        }
        return providers;
    }

    private DeliveryOutcome deliver(Notification notification, Claim claim) {
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
        }
        return new NotificationOutbox.Outcome(n, n.after(outcome), tried.at(), error, providerId, next);
    }

    /** Recorded tries that report their channel failing, and channels that delivered while an alert says they fail. */
    private record Report(List<Tried> failing, Map<OrganizationChannel, Instant> recovered) {
    }

    /**
     * Each recorded refusal that says the channel cannot send, and each notification out of attempts,
     * reports its channel; a channel that delivered, with nothing in the batch saying otherwise and an
     * unresolved channel alert, has recovered.
     */
    private Report report(List<Tried> tried, List<NotificationOutbox.Outcome> outcomes, Set<UUID> recorded) {
        List<Tried> failing = new ArrayList<>();
        Set<OrganizationChannel> failed = new HashSet<>();
        Map<OrganizationChannel, Instant> delivered = new LinkedHashMap<>();
        for (int i = 0; i < tried.size(); i++) {
            Tried t = tried.get(i);
            if (!recorded.contains(t.notification().id())) {
                continue;
            }
            OrganizationChannel key = new OrganizationChannel(t.notification().organizationId(),
                    t.notification().channel());
            if (reportsChannel(t, outcomes.get(i))) {
                failing.add(t);
                failed.add(key);
            } else if (t.outcome() instanceof DeliveryOutcome.Sent) {
                delivered.put(key, t.at());
            }
        }
        delivered.keySet().removeIf(key -> failed.contains(key)
                || !channelAlerts.isFailing(key.organizationId(), key.channel()));
        return new Report(failing, delivered);
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
