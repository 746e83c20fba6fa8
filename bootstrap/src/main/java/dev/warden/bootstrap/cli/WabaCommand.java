package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code warden waba}: WhatsApp Business Accounts, registered to an organisation as the platform operator. */
@Command(name = "waba", description = "WhatsApp Business Accounts.")
final class WabaCommand extends CommandGroup {

    @ParentCommand
    private WardenCommand warden;

    @Command(name = "register",
            description = "Registers a WABA to an organisation, so its webhooks are routed there, and prints its id"
                    + " (audited as 'cli').")
    int register(@Option(names = "--org", required = true, paramLabel = "ID", description = "the organisation's id")
                 String organization,
                 @Option(names = "--waba", required = true, paramLabel = "WABA_ID", description = "Meta's id of the WABA")
                 String waba,
                 @Option(names = "--name", required = true, paramLabel = "NAME", description = "its display name")
                 String name) {
        RegisterWhatsAppAccountCommand command = new RegisterWhatsAppAccountCommand(OrganizationId.parse(organization),
                new WabaId(waba), name);
        return warden.operate(context -> context.getBean(RegisterWhatsAppAccountUseCase.class)
                .registerWhatsAppAccount(WardenCommand.OPERATOR, command).wabaId().value());
    }
}
