package dev.warden.domain.window;

import java.util.Optional;

/** Outgoing persistence port for customer-service windows. */
public interface CustomerServiceWindowRepository {

    /** Stores the window, replacing the one with the same key. */
    void save(CustomerServiceWindow window);

    Optional<CustomerServiceWindow> find(ConversationKey key);
}
