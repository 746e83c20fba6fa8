package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.user.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.context.env.Environment;
import io.micronaut.core.value.PropertyResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code warden}: without a command it serves, exactly as Warden always started; the other commands
 * do one thing and exit (docs/operations.md, "Command line").
 */
@Command(name = "warden",
        description = "Governs WhatsApp message templates. Without a command: serve.",
        subcommands = {ServeCommand.class, MigrateCommand.class, WebhookCommand.class, OrgCommand.class,
                AdminCommand.class, WabaCommand.class, DeadLettersCommand.class, SyncCommand.class,
                DoctorCommand.class, DemoCommand.class},
        footer = {"", "Settings go anywhere on the line as --name=value (a name with a dot), e.g.",
                "  --datasources.default.url=jdbc:postgresql://db:5432/warden",
                "or as environment variables (docs/configuration.md)."})
public final class WardenCommand implements Callable<Integer> {

    /** Whom the audit log names for what a command changes: the platform operator at the console. */
    static final Actor OPERATOR = new Actor("cli", Role.SUPER_ADMIN, Optional.empty());

    private final Contexts contexts;
    private final List<String> settings;
    private boolean serving;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Shows this help (of any command) and exits.")
    private boolean help;

    public WardenCommand(Contexts contexts, List<String> settings) {
        this.contexts = contexts;
        this.settings = List.copyOf(settings);
    }

    /** The parser for this command, with failures reported in one line (never a stack trace). */
    public CommandLine commandLine() {
        return new CommandLine(this).setExecutionExceptionHandler(Failures::report);
    }

    /** Whether the command started the server, which then keeps running after {@code execute} returned. */
    public boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        return serve();
    }

    int serve() {
        contexts.server(settings);
        serving = true;
        return CommandLine.ExitCode.OK;
    }

    /**
     * Starts the server with the command line's settings and {@code more} after them (which win); the
     * caller closes it or calls {@link #keepServing}.
     */
    ApplicationContext server(List<String> more) {
        return contexts.server(Stream.concat(settings.stream(), more.stream()).toList());
    }

    /** The server a command started keeps running after the command returned. */
    void keepServing() {
        serving = true;
    }

    /** A setting as Warden would read it (files, environment, system properties, settings), starting nothing. */
    Optional<String> setting(String name) {
        return withSettings(configuration -> configuration.getProperty(name, String.class)
                .filter(value -> !value.isBlank()));
    }

    /** {@code work} on the configuration as Warden would read it, starting nothing. */
    <T> T withSettings(Function<PropertyResolver, T> work) {
        CommandLinePropertySource commandLine = new CommandLinePropertySource(
                io.micronaut.core.cli.CommandLine.parse(settings.toArray(String[]::new)));
        try (ApplicationContext probe = ApplicationContext.builder().propertySources(commandLine).build()) {
            Environment configuration = probe.getEnvironment();
            configuration.start();
            return work.apply(configuration);
        }
    }

    /** The application on the configured database as it is: not migrated (for looking, not changing). */
    ApplicationContext operatorUnmigrated() {
        List<String> unmigrated = new ArrayList<>(settings);
        unmigrated.add("--flyway.datasources.default.enabled=false");
        return contexts.operator(unmigrated);
    }

    /** The application without server and workers, on the configured database; the caller closes it. */
    ApplicationContext operator() {
        return contexts.operator(settings);
    }

    /** Runs {@code work} in the application without server and workers, and prints what it returns. */
    int operate(Function<ApplicationContext, String> work) {
        try (ApplicationContext context = operator()) {
            spec.commandLine().getOut().println(work.apply(context));
            return CommandLine.ExitCode.OK;
        }
    }
}
