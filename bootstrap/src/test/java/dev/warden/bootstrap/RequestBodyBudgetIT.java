package dev.warden.bootstrap;

import static dev.warden.bootstrap.RawRequests.assertNoAnswerYet;
import static dev.warden.bootstrap.RawRequests.holding;
import static dev.warden.bootstrap.RawRequests.readUntilClosed;
import static dev.warden.bootstrap.RawRequests.send;
import static dev.warden.bootstrap.RawRequests.webhookHead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.warden.adapters.web.server.RequestBodyBudget;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Unauthenticated callers cannot make the server hold more request body bytes than its budget: a request
 * whose bytes do not fit beside the bodies held is answered 503 with Retry-After, whether it announces its
 * length or sends chunks; a length announced costs nothing until it is sent; compressed bodies are not inflated;
 * and every byte charged is given back when the request is answered or its connection drops (HTTP over raw
 * sockets, so bodies can be held half-sent).
 */
@MicronautTest(transactional = false)
class RequestBodyBudgetIT extends ApiTest {

    private static final int LARGEST_BODY = 256 * 1024;
    private static final int BUDGET = 512 * 1024;
    private static final String REFUSAL = "as many request bodies as it may hold";
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    @Inject
    EmbeddedServer server;

    @Inject
    RequestBodyBudget budget;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.server.max-request-size", LARGEST_BODY / 1024 + "KB");
        properties.put("warden.server.max-body-bytes-in-flight", BUDGET / 1024 + "KB");
        return properties;
    }

    private Socket connect() {
        return RawRequests.connect(server.getPort());
    }

    private void heldIs(long bytes) {
        Eventually.holds(() -> assertThat(budget.held()).isEqualTo(bytes));
    }

    @Test
    void a_body_that_does_not_fit_beside_those_held_is_refused_503_until_they_are_answered() throws IOException {
        heldIs(0);
        try (Socket first = holding(connect(), 200_000); Socket second = holding(connect(), 200_000);
             Socket announcing = connect()) {
            heldIs(400_000);
            send(announcing, webhookHead("Content-Length: 250000\r\n", false));
            assertNoAnswerYet(announcing);
            heldIs(400_000);
            long refusedBefore = budget.refused();
            try (Socket third = connect()) {
                send(third, webhookHead("Content-Length: 200000\r\n", false) + "{".repeat(200_000));
                String answer = readUntilClosed(third);
                assertThat(answer).startsWith("HTTP/1.1 503 ").contains("retry-after: 1")
                        .contains("application/problem+json").contains(REFUSAL);
            }
            assertThat(budget.refused()).isEqualTo(refusedBefore + 1);
            heldIs(400_000);
            try (Socket small = connect()) {
                send(small, webhookHead("Content-Length: 2\r\n", true) + "{}");
                assertThat(readUntilClosed(small)).as("a small body still fits").startsWith("HTTP/1.1 401 ");
            }
            first.close();
            heldIs(200_000);
            try (Socket whole = connect()) {
                send(whole, webhookHead("Content-Length: 200000\r\n", true) + "{".repeat(200_000));
                assertThat(readUntilClosed(whole)).as("room again once a held body's connection closed")
                        .startsWith("HTTP/1.1 401 ");
            }
            heldIs(200_000);
        }
        heldIs(0);
    }

    @Test
    void a_chunked_body_is_charged_as_it_arrives_and_refused_at_the_chunk_that_does_not_fit() throws IOException {
        heldIs(0);
        try (Socket first = holding(connect(), 200_000); Socket second = holding(connect(), 200_000)) {
            heldIs(400_000);
            long refusedBefore = budget.refused();
            try (Socket chunked = connect()) {
                send(chunked, webhookHead("Transfer-Encoding: chunked\r\n", false));
                String chunk = Integer.toHexString(40_000) + "\r\n" + "{".repeat(40_000) + "\r\n";
                send(chunked, chunk.repeat(4));
                assertThat(readUntilClosed(chunked)).startsWith("HTTP/1.1 503 ").contains(REFUSAL);
            }
            assertThat(budget.refused()).isEqualTo(refusedBefore + 1);
            heldIs(400_000);
        }
        heldIs(0);
    }

    @Test
    void a_compressed_body_is_not_inflated() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(("{\"username\":\"" + "u".repeat(3_000_000) + "\",\"password\":\"x\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (Socket socket = connect()) {
            send(socket, "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Encoding: gzip\r\nConnection: close\r\nContent-Length: " + gzipped.size() + "\r\n\r\n");
            socket.getOutputStream().write(gzipped.toByteArray());
            assertThat(readUntilClosed(socket)).as("3 MB of text in %d bytes of gzip", gzipped.size())
                    .startsWith("HTTP/1.1 400 ").contains("application/problem+json");
        }
        heldIs(0);
    }

    private record Call(int kind, int size) {

        String text(boolean last) {
            String body = "{".repeat(size);
            return switch (kind) {
                case 0 -> "GET /webhooks/meta HTTP/1.1\r\nHost: localhost\r\n" + (last ? "Connection: close\r\n" : "")
                        + "\r\n";
                case 1 -> webhookHead("Content-Length: " + size + "\r\n", last) + body;
                default -> webhookHead("Transfer-Encoding: chunked\r\n", last)
                        + (size == 0 ? "" : Integer.toHexString(size) + "\r\n" + body + "\r\n") + "0\r\n\r\n";
            };
        }
    }

    @Test
    void every_byte_charged_is_given_back_however_a_connection_ends() {
        Gen<Call> calls = integers().between(0, 2).zip(integers().between(0, 60_000), Call::new);
        qt().withExamples(30).forAll(lists().of(calls).ofSizeBetween(1, 4), booleans().all()).checkAssert((list, cut) -> {
            StringBuilder pipelined = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                pipelined.append(list.get(i).text(i == list.size() - 1));
            }
            try (Socket socket = connect()) {
                if (cut) {
                    send(socket, pipelined.substring(0, pipelined.length() / 2));
                } else {
                    send(socket, pipelined.toString());
                    String answers = readUntilClosed(socket);
                    Matcher statuses = STATUS.matcher(answers);
                    int answered = 0;
                    while (statuses.find()) {
                        answered++;
                    }
                    assertThat(answered).as(answers).isEqualTo(list.size());
                    assertThat(answers).doesNotContain(REFUSAL);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            heldIs(0);
        });
    }
}
