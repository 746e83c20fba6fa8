package dev.warden.application.port.out;

import java.util.function.Consumer;

/**
 * Outgoing port: carries short messages (the live dashboard's events) to every running instance of
 * Warden, this one included, so a change applied on one instance reaches a dashboard connected to another.
 * Best effort: a message may be lost when the carrier fails; dashboards catch up on their next load.
 */
public interface EventBroadcast {

    /** Sends {@code message} to every instance; never waits for the network. */
    void send(String message);

    /** Where this instance's copy of every message goes; set once, at start. */
    void receiveWith(Consumer<String> receiver);
}
