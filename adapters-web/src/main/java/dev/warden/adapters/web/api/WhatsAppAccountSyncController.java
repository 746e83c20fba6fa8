package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.SyncWhatsAppAccountUseCase;
import dev.warden.domain.organization.WabaId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;

/** Web adapter: reconcile a WABA's templates with Meta now; the answer is the job, to be watched. */
@Controller("/api/v1/whatsapp-accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
class WhatsAppAccountSyncController {

    private final SyncWhatsAppAccountUseCase sync;

    WhatsAppAccountSyncController(SyncWhatsAppAccountUseCase sync) {
        this.sync = sync;
    }

    @Post("/{wabaId}/sync")
    @Operation(operationId = "syncWhatsAppAccount")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    HttpResponse<SyncJobResponse> sync(@PathVariable String wabaId, Authentication authentication) {
        return HttpResponse.accepted().body(SyncJobResponse.from(sync.startSync(Actors.of(authentication),
                new WabaId(wabaId))));
    }
}
