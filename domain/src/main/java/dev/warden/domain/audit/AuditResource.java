package dev.warden.domain.audit;

import dev.warden.domain.shared.InvalidValue;
import java.util.Objects;

/** The thing an admin action was done to: its kind and its id as the API shows it. */
public record AuditResource(Kind kind, String id) {

    public static final int MAX_ID_LENGTH = 100;

    /** Kinds of things admins act on. */
    public enum Kind {
        ORGANIZATION, USER, WHATSAPP_ACCOUNT, TEMPLATE, ALERT, CAMPAIGN, DEAD_LETTER, UNROUTABLE_CHANGES,
        NOTIFICATION_PREFERENCES, NOTIFICATION, EVENT_MAPPING
    }

    public AuditResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidValue("a resource id has 1 to " + MAX_ID_LENGTH + " characters");
        }
    }

    public static AuditResource of(Kind kind, Object id) {
        return new AuditResource(kind, String.valueOf(id));
    }
}
