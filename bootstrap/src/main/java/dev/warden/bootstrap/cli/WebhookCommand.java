package dev.warden.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code warden webhook}: Meta's webhooks, by hand. */
@Command(name = "webhook", description = "Meta's webhooks, by hand.",
        subcommands = WebhookSendCommand.class)
final class WebhookCommand extends CommandGroup {

    @ParentCommand
    private WardenCommand warden;

    WardenCommand warden() {
        return warden;
    }
}
