package dev.warden.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Test only: endpoints that fail the way a defect would, to see what a caller gets back. */
@Controller("/test-only/defects")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(env = Environment.TEST)
class DefectController {

    static final String INTERNAL_DETAIL = "internal detail: row 42 of table secrets";

    @Get("/illegal-argument")
    String illegalArgument() {
        throw new IllegalArgumentException(INTERNAL_DETAIL);
    }

    @Get("/illegal-state")
    String illegalState() {
        throw new IllegalStateException(INTERNAL_DETAIL);
    }
}
