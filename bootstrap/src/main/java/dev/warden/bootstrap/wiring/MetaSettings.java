package dev.warden.bootstrap.wiring;

import dev.warden.adapters.meta.graph.GraphSettings;
import io.micronaut.core.value.PropertyResolver;
import java.net.URI;
import java.time.Duration;

/** How Warden reaches Meta's Graph API, read from the configuration: by the application and by {@code warden doctor}. */
public final class MetaSettings {

    private MetaSettings() {
    }

    public static GraphSettings graph(PropertyResolver p) {
        return new GraphSettings(
                URI.create(p.getProperty("warden.meta.graph-url", String.class, "https://graph.facebook.com/v24.0")),
                p.getProperty("warden.meta.access-token", String.class, ""),
                p.getProperty("warden.meta.graph.connect-timeout", Duration.class, Duration.ofSeconds(5)),
                p.getProperty("warden.meta.graph.read-timeout", Duration.class, Duration.ofSeconds(30)),
                p.getProperty("warden.meta.graph.attempts", Integer.class, 3),
                p.getProperty("warden.meta.graph.backoff", Duration.class, Duration.ofSeconds(2)),
                p.getProperty("warden.meta.graph.page-size", Integer.class, 100));
    }
}
