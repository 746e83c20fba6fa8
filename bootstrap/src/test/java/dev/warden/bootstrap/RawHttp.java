package dev.warden.bootstrap;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** One HTTP exchange kept as text: status, the headers a test asks about, and the body, even for errors. */
final class RawHttp {

    private RawHttp() {
    }

    record Answer(int status, String contentType, String retryAfter, String body) {
    }

    static Answer exchange(BlockingHttpClient http, MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return answer(http.exchange(request, String.class));
        } catch (HttpClientResponseException e) {
            return answer(e.getResponse());
        }
    }

    private static Answer answer(HttpResponse<?> response) {
        return new Answer(response.code(), response.getContentType().map(Object::toString).orElse(""),
                response.getHeaders().get("Retry-After"), response.getBody(String.class).orElse(""));
    }
}
