package dev.warden.domain.sending;

import java.util.Objects;
import java.util.Optional;

/**
 * How the provider bills one message, as its status reports say (meta-platform.md §12): the model
 * ({@code PMP} per message, {@code CBP} the older per-conversation), the category actually billed
 * (marketing, utility, authentication, service, ...) and the type ({@code regular},
 * {@code free_customer_service}, {@code free_entry_point}). Kept as the provider spells them: new
 * values appear without notice.
 */
public record Pricing(Optional<String> model, String category, Optional<String> type, Optional<Boolean> billable) {

    public Pricing {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(billable, "billable");
    }
}
