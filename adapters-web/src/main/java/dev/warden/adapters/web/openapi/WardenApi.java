package dev.warden.adapters.web.openapi;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.security.endpoints.LoginController;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's header, read by micronaut-openapi at compile time: every controller of this
 * module is described from its annotations, {@code @Secured} roles become each operation's bearer scopes,
 * and Micronaut Security's POST /login is included. {@link OpenApiDocument} adds the problem responses.
 */
@OpenAPIDefinition(info = @Info(title = "Warden", version = "v1", description = """
        Governance for WhatsApp Business message templates. Sign in with POST /login, then send the \
        access_token as `Authorization: Bearer <token>`. Roles: SUPER_ADMIN (every organisation; chooses one \
        with ?organizationId=), ORG_ADMIN (writes in its organisation), VIEWER (reads). A resource of another \
        organisation is a 404. Every error is an RFC 7807 problem (application/problem+json)."""))
@SecurityScheme(name = WardenApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "The access_token from POST /login; it expires after an hour")
@OpenAPIInclude(classes = LoginController.class, tags = @Tag(name = "Sign-in"))
final class WardenApi {

    static final String BEARER = "bearerAuth";

    private WardenApi() {
    }
}
