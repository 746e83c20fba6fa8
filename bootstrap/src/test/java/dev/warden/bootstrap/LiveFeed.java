package dev.warden.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A client of /ws/events, as a browser is: the messages it received, and the close code if it was closed. */
final class LiveFeed implements WebSocket.Listener, AutoCloseable {

    final List<String> messages = new CopyOnWriteArrayList<>();
    volatile Integer closedWith;
    /** Set when the connection broke without a close frame (a TCP close or reset). */
    volatile Throwable broken;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static LiveFeed open(String httpBase, String query) {
        LiveFeed feed = new LiveFeed();
        URI uri = URI.create(httpBase.replaceFirst("^http", "ws") + "/ws/events" + query);
        try {
            feed.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, feed).get(10,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the live feed did not open: " + e, e);
        }
        return feed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedWith = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        broken = error;
    }

    /** Sends a text frame, as a page could. */
    void say(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        if (closedWith == null) {
            socket.abort();
        }
    }
}
