package dev.warden.bootstrap;

import dev.warden.adapters.web.server.RequestBodyBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * The request body budget: bytes held now ({@code warden_http_request_body_held_bytes}) and requests
 * refused with 503 because theirs did not fit ({@code warden_http_request_body_refused_total}).
 */
@Singleton
final class RequestBodyMeters implements MeterBinder {

    private final RequestBodyBudget budget;

    RequestBodyMeters(RequestBodyBudget budget) {
        this.budget = budget;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("warden.http.request.body.held", budget, RequestBodyBudget::held).baseUnit("bytes")
                .description("Bytes of request bodies the server holds now, over all connections").register(registry);
        FunctionCounter.builder("warden.http.request.body.refused", budget, RequestBodyBudget::refused)
                .description("Requests answered 503 because their bodies did not fit the budget").register(registry);
    }
}
