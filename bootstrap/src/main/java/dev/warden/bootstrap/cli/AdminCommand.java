package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.CreateUserCommand;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.Username;
import java.security.SecureRandom;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code warden admin}: people who sign in, created as the platform operator. */
@Command(name = "admin", description = "Users who sign in.")
final class AdminCommand extends CommandGroup {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParentCommand
    private WardenCommand warden;

    @Command(name = "create-user",
            description = {"Creates a user of an organisation and prints its id (audited as 'cli').",
                    "Without --password a password is generated and printed once;"
                            + " --password without a value reads it from the terminal or standard input."})
    int createUser(@Option(names = "--org", required = true, paramLabel = "ID", description = "the organisation's id")
                   String organization,
                   @Option(names = "--username", required = true, paramLabel = "U") String username,
                   @Option(names = "--password", arity = "0..1", interactive = true, paramLabel = "P",
                           description = "10 to 128 characters") char[] password,
                   @Option(names = "--role", required = true, paramLabel = "ROLE",
                           description = "SUPER_ADMIN, ORG_ADMIN or VIEWER") String role) {
        boolean generated = password == null;
        String secret = generated ? generatedPassword() : new String(password);
        CreateUserCommand command = new CreateUserCommand(OrganizationId.parse(organization), new Username(username),
                secret, Role.parse(role));
        return warden.operate(context -> {
            String id = context.getBean(CreateUserUseCase.class).createUser(WardenCommand.OPERATOR, command)
                    .id().toString();
            // Shown once: only its hash is stored.
            return generated ? id + System.lineSeparator() + "password: " + secret : id;
        });
    }

    static String generatedPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
