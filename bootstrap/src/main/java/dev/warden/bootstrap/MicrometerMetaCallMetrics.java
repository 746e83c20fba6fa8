package dev.warden.bootstrap;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code warden_graph_calls_total{outcome}}: HTTP calls to Meta's Graph API, retries included, by
 * how they ended: {@code success}, or the failure's kind ({@code rate_limited} counts rate-limit
 * hits). Every series exists from the start at zero.
 */
@Singleton
final class MicrometerMetaCallMetrics implements MetaCallMetrics {

    private final Counter answered;
    private final Map<MetaCallFailed.Kind, Counter> failed = new EnumMap<>(MetaCallFailed.Kind.class);

    MicrometerMetaCallMetrics(MeterRegistry registry) {
        answered = counter(registry, "success");
        for (MetaCallFailed.Kind kind : MetaCallFailed.Kind.values()) {
            failed.put(kind, counter(registry, kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("warden.graph.calls").description("HTTP calls to Meta's Graph API, by how they ended")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void answered() {
        answered.increment();
    }

    @Override
    public void failed(MetaCallFailed.Kind kind) {
        failed.get(kind).increment();
    }
}
