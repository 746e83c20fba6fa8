package dev.warden.domain.sending;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider's status reports said about one send, merged so that their order does not matter
 * (Meta redelivers for 7 days, in any order): each state keeps the earliest time it was reported, the
 * state shown is the furthest reached ({@link #state()}), and the pricing is that of the latest-said
 * report that carried one.
 */
public record SendDelivery(Optional<Instant> deliveredAt, Optional<Instant> readAt, Optional<Instant> failedAt,
                           Optional<String> failure, Optional<Pricing> pricing, Optional<Instant> pricedAt) {

    public static final SendDelivery NONE = new SendDelivery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public SendDelivery {
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(pricedAt, "pricedAt");
    }

    /** Read beats delivered beats failed beats sent: a send the customer got is not shown as failed. */
    public DeliveryState state() {
        if (readAt.isPresent()) {
            return DeliveryState.READ;
        }
        if (deliveredAt.isPresent()) {
            return DeliveryState.DELIVERED;
        }
        return failedAt.isPresent() ? DeliveryState.FAILED : DeliveryState.SENT;
    }

    /** This delivery with one more report; the same set of reports gives the same result in any order. */
    public SendDelivery with(DeliveryReport report) {
        Optional<Instant> delivered = report.state() == DeliveryState.DELIVERED ? earliest(deliveredAt, report.at())
                : deliveredAt;
        Optional<Instant> read = report.state() == DeliveryState.READ ? earliest(readAt, report.at()) : readAt;
        Optional<Instant> failed = failedAt;
        Optional<String> why = failure;
        if (report.state() == DeliveryState.FAILED && (failedAt.isEmpty() || report.at().isBefore(failedAt.get()))) {
            failed = Optional.of(report.at());
            why = report.failure().map(DeliveryReport.Failure::describe).or(() -> Optional.of("failed"));
        }
        Optional<Pricing> price = pricing;
        Optional<Instant> pricedWhen = pricedAt;
        if (report.pricing().isPresent() && (pricedAt.isEmpty() || !report.at().isBefore(pricedAt.get()))) {
            price = report.pricing();
            pricedWhen = Optional.of(report.at());
        }
        return new SendDelivery(delivered, read, failed, why, price, pricedWhen);
    }

    private static Optional<Instant> earliest(Optional<Instant> kept, Instant reported) {
        return Optional.of(kept.filter(k -> k.isBefore(reported)).orElse(reported));
    }
}
