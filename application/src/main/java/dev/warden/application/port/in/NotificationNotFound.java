package dev.warden.application.port.in;

import dev.warden.domain.shared.NotFound;
import java.util.UUID;

/** No such notification in the organisation the caller works in. */
public final class NotificationNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public NotificationNotFound(UUID id) {
        super("notification", id);
    }
}
