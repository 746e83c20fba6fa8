package dev.warden.adapters.meta.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.domain.organization.WabaId;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Graph reads against a real HTTP stand-in that answers slowly: the read timeout bounds the whole answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphHttpIT {

    private static final String WABA = "102290129340398";
    private static final String LIST = "/v24.0/" + WABA + "/message_templates";

    private final WireMockServer meta = new WireMockServer(options().dynamicPort());
    private GraphHttp graph;

    @BeforeAll
    void start() {
        meta.start();
        graph = new GraphHttp(new GraphSettings(URI.create(meta.baseUrl() + "/v24.0"), "token", Duration.ofSeconds(2),
                Duration.ofSeconds(1), 2, Duration.ofMillis(10), 100));
    }

    @AfterAll
    void stop() {
        meta.stop();
    }

    @Test
    void a_page_whose_body_trickles_in_past_the_read_timeout_is_unavailable_after_its_tries() {
        // The headers come at once; the JDK client's own timeout would then wait for the body, however long.
        meta.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"data\":[]" + " ".repeat(100) + "}")
                .withChunkedDribbleDelay(50, 10_000)));

        assertThatThrownBy(() -> graph.get(new WabaId(WABA), "/" + WABA + "/message_templates"))
                .isInstanceOfSatisfying(MetaCallFailed.class, e -> assertThat(e.kind())
                        .isEqualTo(MetaCallFailed.Kind.UNAVAILABLE))
                .hasMessageContaining("HttpTimeoutException");
        meta.verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }
}
