package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.CreateOrganizationUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code warden org}: organisations (tenants), created as the platform operator. */
@Command(name = "org", description = "Organisations (tenants).")
final class OrgCommand extends CommandGroup {

    @ParentCommand
    private WardenCommand warden;

    @Command(name = "create",
            description = "Creates an organisation and prints its id (audited as 'cli').")
    int create(@Parameters(paramLabel = "NAME", description = "its name") String name) {
        return warden.operate(context -> context.getBean(CreateOrganizationUseCase.class)
                .createOrganization(WardenCommand.OPERATOR, name).id().toString());
    }
}
