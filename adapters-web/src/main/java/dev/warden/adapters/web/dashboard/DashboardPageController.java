package dev.warden.adapters.web.dashboard;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Web adapter: the dashboard's page at {@code /}. It holds no data (the page signs in and calls the
 * API), so anyone may load it; its scripts and styles are static resources under {@code /dashboard/}.
 * Not an API operation, so it stays out of the OpenAPI document.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class DashboardPageController {

    private final String page;

    DashboardPageController() {
        try (InputStream in = DashboardPageController.class.getResourceAsStream("/dashboard/index.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard/index.html is missing from the classpath");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("dashboard/index.html could not be read", e);
        }
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(page).header("Cache-Control", "no-cache");
    }
}
