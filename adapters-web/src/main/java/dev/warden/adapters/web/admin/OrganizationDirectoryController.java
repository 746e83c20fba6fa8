package dev.warden.adapters.web.admin;

import dev.warden.adapters.web.api.PageResponse;
import dev.warden.adapters.web.api.QueryValues;
import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.ListOrganizationsUseCase;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.ListWhatsAppAccountsUseCase;
import dev.warden.domain.shared.OrganizationId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Web adapter: super admins list organisations; an organisation's members and super admins list its
 * WABAs and users (another organisation is not found). Users never show their password hash.
 */
@Controller("/api/v1/organizations")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganizationDirectoryController {

    private final ListOrganizationsUseCase listOrganizations;
    private final ListWhatsAppAccountsUseCase listWhatsAppAccounts;
    private final ListUsersUseCase listUsers;

    OrganizationDirectoryController(ListOrganizationsUseCase listOrganizations,
                                    ListWhatsAppAccountsUseCase listWhatsAppAccounts, ListUsersUseCase listUsers) {
        this.listOrganizations = listOrganizations;
        this.listWhatsAppAccounts = listWhatsAppAccounts;
        this.listUsers = listUsers;
    }

    @Get
    @Secured("SUPER_ADMIN")
    @Operation(operationId = "listOrganizations")
    PageResponse<OrganizationResponse> organizations(@Nullable @QueryValue Integer page,
                                                     @Nullable @QueryValue Integer size,
                                                     Authentication authentication) {
        return PageResponse.of(listOrganizations.listOrganizations(Actors.of(authentication),
                QueryValues.page(page, size)), OrganizationResponse::from);
    }

    @Get("/{orgId}/whatsapp-accounts")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "listWhatsAppAccounts")
    PageResponse<WhatsAppAccountResponse> whatsAppAccounts(@PathVariable String orgId,
                                                           @Nullable @QueryValue Integer page,
                                                           @Nullable @QueryValue Integer size,
                                                           Authentication authentication) {
        return PageResponse.of(listWhatsAppAccounts.listWhatsAppAccounts(Actors.of(authentication),
                OrganizationId.parse(orgId), QueryValues.page(page, size)), WhatsAppAccountResponse::from);
    }

    @Get("/{orgId}/users")
    @Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
    @Operation(operationId = "listUsers")
    PageResponse<UserResponse> users(@PathVariable String orgId, @Nullable @QueryValue Integer page,
                                     @Nullable @QueryValue Integer size, Authentication authentication) {
        return PageResponse.of(listUsers.listUsers(Actors.of(authentication), OrganizationId.parse(orgId),
                QueryValues.page(page, size)), UserResponse::from);
    }
}
