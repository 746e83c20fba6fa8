package dev.warden.bootstrap;

import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** Warden's entry point: an embedded PostgreSQL unless a database URL is configured, then the Micronaut application. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Map<String, Object> database = EmbeddedDatabase.startUnlessConfigured(System.getenv(), System.getProperties());
        Micronaut.build(args).mainClass(Application.class).properties(database).start();
    }
}
