package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.RequeueUnroutableUseCase;
import dev.warden.domain.organization.WabaId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Optional;

/** Web adapter: webhook changes kept because no organisation had registered their WABA (super admins only). */
@Controller("/api/v1/webhooks/unroutable")
@Secured("SUPER_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class UnroutableController {

    private final RequeueUnroutableUseCase requeueUnroutable;

    UnroutableController(RequeueUnroutableUseCase requeueUnroutable) {
        this.requeueUnroutable = requeueUnroutable;
    }

    /** How many changes went back into the inbox. */
    @Serdeable
    record RequeueResponse(int requeued) {
    }

    @Post("/requeue")
    @Operation(operationId = "requeueUnroutable")
    RequeueResponse requeue(@Nullable @QueryValue String wabaId, Authentication authentication) {
        return new RequeueResponse(requeueUnroutable.requeueUnroutable(Actors.of(authentication),
                Optional.ofNullable(wabaId).map(WabaId::new)));
    }
}
