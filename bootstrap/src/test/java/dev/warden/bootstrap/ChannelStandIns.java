package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The alert channels' stand-ins as {@link ChannelOutagesIT} needs them: answering, and answering nothing. */
final class ChannelStandIns {

    /** How long a slow channel keeps a call waiting: far beyond the timeout and the webhooks' patience. */
    static final int SILENCE_MILLIS = 10_000;
    /** A trickled answer comes in this many pieces: the headers and the first piece well within the timeout. */
    static final int DRIBBLE_CHUNKS = 50;

    private ChannelStandIns() {
    }

    /**
     * A stand-in that can keep calls waiting ({@link #silent}); its other stubs answer as usual.
     */
    static WireMockServer standIn() {
        return new WireMockServer(options().dynamicPort().extensions(new Silence()));
    }

    /**
     * The stand-in ({@link #standIn()}) keeps each call waiting for {@link #SILENCE_MILLIS}: every other
     * call gets no headers until then, the others get their headers at once and then a body that trickles
     * in over that time (a timeout on the headers alone would wait for it, and then take it as a success).
     */
    static void silent(WireMockServer server, Supplier<MappingBuilder> call, Supplier<ResponseDefinitionBuilder> ok) {
        server.stubFor(call.get().willReturn(ok.get().withTransformers(Silence.NAME)));
    }

    /**
     * Takes turns between the two silences, one call at a time, by counting the stub's calls. Not a
     * WireMock scenario: the alert notices are tried in parallel, and a scenario's state is read stub by
     * stub while another call moves it on, so a call could match neither state and be answered 404, which
     * Warden rightly takes as a refusal for good (the notice ends FAILED, never DEAD).
     */
    static final class Silence implements ResponseDefinitionTransformerV2 {

        static final String NAME = "silence";
        private final Map<UUID, AtomicLong> calls = new ConcurrentHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            long call = calls.computeIfAbsent(serveEvent.getStubMapping().getId(), id -> new AtomicLong())
                    .getAndIncrement();
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition());
            return (call % 2 == 0 ? answer.withFixedDelay(SILENCE_MILLIS)
                    : answer.withChunkedDribbleDelay(DRIBBLE_CHUNKS, SILENCE_MILLIS)).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Slack's "ok", padded (Warden reads it trimmed) so that a trickled one has a piece per chunk. */
    static ResponseDefinitionBuilder slackOk() {
        return aResponse().withStatus(200).withBody("ok" + " ".repeat(2 * DRIBBLE_CHUNKS));
    }

    static MappingBuilder myOperatorSend(String number) {
        return post(urlEqualTo("/chat/messages"))
                .withRequestBody(matchingJsonPath("$.customer_number", equalTo(number.substring(3))));
    }

    static ResponseDefinitionBuilder myOperatorOk() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"status":"success","code":200,"message":"Message queued","data":{"message_id":"myop-1"}}""");
    }

    static MappingBuilder graphSend(String phoneNumberId, String number) {
        return post(urlEqualTo(GraphApi.VERSION + "/" + phoneNumberId + "/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(number.substring(1))));
    }

    static ResponseDefinitionBuilder graphOk() {
        return GraphApi.ok("""
                {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                 "messages":[{"id":"wamid.back","message_status":"accepted"}]}""");
    }

    /** Accepts SMTP connections and never says a word: a mail server that hangs. */
    static final class SilentServer implements AutoCloseable {

        private final ServerSocket listener;
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        SilentServer(int port) throws IOException {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress("127.0.0.1", port));
            acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket socket = listener.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int accepted() {
            synchronized (held) {
                return held.size();
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }
}
