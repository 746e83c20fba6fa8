package dev.warden.adapters.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One provider call whose whole answer, body included, arrives within the request's timeout. The JDK
 * client's own timeout ends once the headers are in: a provider that answers its headers and then
 * stalls on the body would hold a delivery thread until the connection dies, and its batch with it.
 * A call cut off ends as an {@link HttpTimeoutException}, the same as one that got no headers.
 */
public final class WholeAnswer {

    private WholeAnswer() {
    }

    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        Duration limit = request.timeout()
                .orElseThrow(() -> new IllegalArgumentException("a request without a timeout"));
        CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, body);
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Cancelling aborts the exchange and closes its connection (JDK 16 and later).
            answer.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + limit);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }
}
