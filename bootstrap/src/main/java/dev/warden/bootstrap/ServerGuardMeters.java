package dev.warden.bootstrap;

import dev.warden.adapters.web.server.ConnectionLimit;
import dev.warden.adapters.web.server.RequestBodyBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * The HTTP server's guards: the request body budget (bytes held now, {@code warden_http_request_body_held_bytes};
 * requests refused because theirs did not fit, {@code warden_http_request_body_refused_total}) and the connection
 * limit (open now, {@code warden_http_connections}; closed on arrival, {@code warden_http_connections_refused_total}).
 */
@Singleton
final class ServerGuardMeters implements MeterBinder {

    private final RequestBodyBudget budget;
    private final ConnectionLimit connections;

    ServerGuardMeters(RequestBodyBudget budget, ConnectionLimit connections) {
        this.budget = budget;
        this.connections = connections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("warden.http.request.body.held", budget, RequestBodyBudget::held).baseUnit("bytes")
                .description("Bytes of request bodies the server holds now, over all connections").register(registry);
        FunctionCounter.builder("warden.http.request.body.refused", budget, RequestBodyBudget::refused)
                .description("Requests refused because their bodies did not fit the budget").register(registry);
        Gauge.builder("warden.http.connections", connections, ConnectionLimit::open)
                .description("HTTP connections open now").register(registry);
        FunctionCounter.builder("warden.http.connections.refused", connections, ConnectionLimit::refused)
                .description("Connections closed on arrival because the server had as many as it may")
                .register(registry);
    }
}
