package dev.warden.adapters.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * A signed-in caller asking for a route that does not exist gets 404, not 403: no rule speaks for a
 * missing route, and Micronaut would otherwise reject it as forbidden. Anonymous callers still get 401
 * on any unknown route, so someone without a token cannot map which routes exist. Routes that exist
 * are left to their {@code @Secured} roles (this rule says nothing about them), so a wrong role stays 403.
 */
@Singleton
final class UnknownRouteRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
                                               @Nullable Authentication authentication) {
        boolean unknownRoute = request != null && RouteAttributes.getRouteMatch(request).isEmpty();
        return Publishers.just(unknownRoute && authentication != null
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        // After every other rule: it only speaks when none of them did.
        return LOWEST_PRECEDENCE;
    }
}
