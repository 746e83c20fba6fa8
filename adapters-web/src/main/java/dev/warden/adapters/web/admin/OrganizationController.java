package dev.warden.adapters.web.admin;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.CreateUserCommand;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.Username;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Web adapter: super admins register organisations and WABAs; admins create users. */
@Controller("/api/v1/organizations")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganizationController {

    private final CreateOrganizationUseCase createOrganization;
    private final RegisterWhatsAppAccountUseCase registerWhatsAppAccount;
    private final CreateUserUseCase createUser;

    OrganizationController(CreateOrganizationUseCase createOrganization,
                           RegisterWhatsAppAccountUseCase registerWhatsAppAccount, CreateUserUseCase createUser) {
        this.createOrganization = createOrganization;
        this.registerWhatsAppAccount = registerWhatsAppAccount;
        this.createUser = createUser;
    }

    @Post
    @Secured("SUPER_ADMIN")
    @Operation(operationId = "createOrganization")
    HttpResponse<OrganizationResponse> create(@Valid @Body CreateOrganizationRequest request,
                                              Authentication authentication) {
        return HttpResponse.created(OrganizationResponse.from(
                createOrganization.createOrganization(Actors.of(authentication), request.name())));
    }

    @Post("/{orgId}/whatsapp-accounts")
    @Secured("SUPER_ADMIN")
    @Operation(operationId = "registerWhatsAppAccount")
    HttpResponse<WhatsAppAccountResponse> registerWhatsAppAccount(@PathVariable String orgId,
                                                                  @Valid @Body RegisterWhatsAppAccountRequest request,
                                                                  Authentication authentication) {
        RegisterWhatsAppAccountCommand command = new RegisterWhatsAppAccountCommand(OrganizationId.parse(orgId),
                new WabaId(request.wabaId()), request.name());
        return HttpResponse.created(WhatsAppAccountResponse.from(
                registerWhatsAppAccount.registerWhatsAppAccount(Actors.of(authentication), command)));
    }

    @Post("/{orgId}/users")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN"})
    @Operation(operationId = "createUser")
    HttpResponse<UserResponse> createUser(@PathVariable String orgId, @Valid @Body CreateUserRequest request,
                                          Authentication authentication) {
        CreateUserCommand command = new CreateUserCommand(OrganizationId.parse(orgId),
                new Username(request.username()), request.password(), Role.parse(request.role()));
        return HttpResponse.created(UserResponse.from(createUser.createUser(Actors.of(authentication), command)));
    }
}
