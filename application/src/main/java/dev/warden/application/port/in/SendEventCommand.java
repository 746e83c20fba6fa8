package dev.warden.application.port.in;

import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.LanguageCode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A business event to tell a customer about.
 *
 * @param idempotencyKey the caller's key: the same key in the same organisation is one send, however often it comes
 * @param params         the body variables' values by name ("1", "2", ... for positional templates)
 * @param language       another language of the mapped template (same name, same WABA); default its own
 */
public record SendEventCommand(Optional<OrganizationId> organizationId, EventType type, String idempotencyKey,
                               Recipient to, Map<String, String> params, Optional<LanguageCode> language) {

    public static final int MAX_KEY_LENGTH = 200;

    public SendEventCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        params = Map.copyOf(params);
        Objects.requireNonNull(language, "language");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidValue("idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters, not blank");
        }
    }
}
