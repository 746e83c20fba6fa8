package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.ReleasePortfolioPacingUseCase;
import dev.warden.domain.organization.WabaId;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;

/** Web adapter: a person releases the campaigns of a WABA held for portfolio pacing (Meta never says when it ends). */
@Controller("/api/v1/whatsapp-accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
class PortfolioPacingController {

    private final ReleasePortfolioPacingUseCase release;

    PortfolioPacingController(ReleasePortfolioPacingUseCase release) {
        this.release = release;
    }

    @Post("/{wabaId}/pacing/release")
    @Operation(operationId = "releasePortfolioPacing")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    PacingReleasedResponse release(@PathVariable String wabaId, Authentication authentication) {
        return PacingReleasedResponse.from(release.release(Actors.of(authentication), new WabaId(wabaId)));
    }

}
