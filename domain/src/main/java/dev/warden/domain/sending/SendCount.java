package dev.warden.domain.sending;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer sends of one day (UTC, by when they were queued), template, provider and billed category,
 * counted by where they are: still waiting ({@code queued}: queued or being sent), {@code retrying},
 * accepted by the provider ({@code sent}), refused for good ({@code failed}: FAILED or DEAD), not sent by
 * Warden's own rule ({@code skipped}: an opt-out, a cancelled campaign); and of the
 * sent ones what the status reports said ({@code delivered} includes read, {@code undelivered}: failed
 * after acceptance and never delivered).
 *
 * @param template        the template's name; empty for free-form texts
 * @param billedCategory  the category Meta's status reports billed; empty until one says
 */
public record SendCount(LocalDate day, Optional<String> template, SendProvider provider,
                        Optional<String> billedCategory, long queued, long retrying, long sent, long failed,
                        long skipped, long delivered, long read, long undelivered) {

    public SendCount {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(billedCategory, "billedCategory");
    }
}
