package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import java.util.List;
import java.util.Objects;

/** Which apps Meta sends a WABA's webhooks to ({@code GET /{WABA_ID}/subscribed_apps}). */
public interface MetaWebhookSubscriptions {

    /**
     * The names of the apps subscribed to the WABA's webhooks; empty when none is, so no webhook
     * of the WABA reaches anyone.
     *
     * @throws MetaCallFailed when Meta cannot be asked or its answer cannot be read
     */
    Subscribed subscribedApps(WabaId wabaId);

    /** The apps subscribed to a WABA, by name (or id where Meta gives no name). */
    record Subscribed(List<String> apps) {
        public Subscribed {
            apps = List.copyOf(Objects.requireNonNull(apps, "apps"));
        }
    }
}
