package dev.warden.bootstrap.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a host answers HTTP: a GET of its root (scheme, host and port only: a path, which may be
 * a secret like a Slack webhook's, is never sent). Any HTTP status counts as reachable: the name
 * resolved, the connection and TLS held, and a server answered.
 */
final class Reachability {

    private final HttpClient http;
    private final Duration timeout;

    Reachability(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    /** {@code scheme://host[:port]} of {@code url}, the only part of it ever shown or called. */
    static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** The HTTP status the origin answered with, or empty when it did not answer; {@code problem} gets why. */
    Optional<Integer> status(URI url, StringBuilder problem) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(origin(url) + "/")).timeout(timeout).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            problem.append(e.getClass().getSimpleName()).append(e.getMessage() == null ? "" : " " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem.append("interrupted");
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problem.append("not a URL Warden can call");
            return Optional.empty();
        }
    }
}
