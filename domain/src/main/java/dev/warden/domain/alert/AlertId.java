package dev.warden.domain.alert;

import dev.warden.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an alert. */
public record AlertId(UUID value) {

    public AlertId {
        Objects.requireNonNull(value, "alertId");
    }

    public static AlertId random() {
        return new AlertId(UUID.randomUUID());
    }

    public static AlertId parse(String text) {
        return new AlertId(Ids.parseUuid("alertId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
