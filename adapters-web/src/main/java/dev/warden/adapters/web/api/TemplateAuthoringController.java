package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateTemplateCommand;
import dev.warden.application.port.in.CreateTemplateUseCase;
import dev.warden.application.port.in.DeleteTemplateUseCase;
import dev.warden.application.port.in.EditTemplateCommand;
import dev.warden.application.port.in.EditTemplateUseCase;
import dev.warden.application.port.in.GetTemplateUseCase;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.content.InvalidTemplateContent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Web adapter: write templates in Warden: create a DRAFT, edit (a new version), delete a draft Meta never saw. */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateAuthoringController {

    private final CreateTemplateUseCase createTemplate;
    private final EditTemplateUseCase editTemplate;
    private final GetTemplateUseCase getTemplate;
    private final DeleteTemplateUseCase deleteTemplate;

    TemplateAuthoringController(CreateTemplateUseCase createTemplate, EditTemplateUseCase editTemplate,
                                GetTemplateUseCase getTemplate, DeleteTemplateUseCase deleteTemplate) {
        this.createTemplate = createTemplate;
        this.editTemplate = editTemplate;
        this.getTemplate = getTemplate;
        this.deleteTemplate = deleteTemplate;
    }

    @Post
    @Operation(operationId = "createTemplate")
    HttpResponse<TemplateResponse> create(@Body Map<String, Object> body, @Nullable @QueryValue String organizationId,
                                          Authentication authentication) {
        TemplateRequests.Read<CreateTemplateCommand> request = TemplateRequests.create(body,
                QueryValues.organization(organizationId));
        try {
            TemplateSnapshot created = createTemplate.createTemplate(Actors.of(authentication), request.command());
            return HttpResponse.created(TemplateResponse.from(created),
                    URI.create("/api/v1/templates/" + created.id()));
        } catch (InvalidTemplateContent refused) {
            throw request.components().translate(refused);
        }
    }

    /** Replaces category (unless approved) and components wholesale, as Meta's edit does: a new version. */
    @Put("/{id}")
    @Operation(operationId = "editTemplate")
    VersionResponse edit(@PathVariable String id, @Body Map<String, Object> body,
                         @Nullable @QueryValue String organizationId, Authentication authentication) {
        Actor actor = Actors.of(authentication);
        Optional<OrganizationId> organization = QueryValues.organization(organizationId);
        TemplateSnapshot current = getTemplate.getTemplate(actor, organization, TemplateId.parse(id));
        TemplateRequests.Read<EditTemplateCommand> request = TemplateRequests.edit(body, organization, current.id(),
                current.name(), current.language());
        try {
            return VersionResponse.from(editTemplate.editTemplate(actor, request.command()));
        } catch (InvalidTemplateContent refused) {
            throw request.components().translate(refused);
        }
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteTemplate")
    HttpResponse<Void> delete(@PathVariable String id, @Nullable @QueryValue String organizationId,
                              Authentication authentication) {
        deleteTemplate.deleteTemplate(Actors.of(authentication), QueryValues.organization(organizationId),
                TemplateId.parse(id));
        return HttpResponse.noContent();
    }
}
