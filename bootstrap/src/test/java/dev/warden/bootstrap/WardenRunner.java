package dev.warden.bootstrap;

import dev.warden.bootstrap.cli.Arguments;
import dev.warden.bootstrap.cli.Contexts;
import dev.warden.bootstrap.cli.WardenCommand;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the {@code warden} command in this JVM as {@link Application#main} runs it (arguments split into
 * settings and command, the real contexts), capturing its output; servers it leaves running are closed
 * by {@link #close}.
 */
final class WardenRunner implements AutoCloseable {

    /** What one run printed and how it exited. */
    record Run(int exitCode, String out, String err, boolean serving) {
    }

    private final List<ApplicationContext> servers = new ArrayList<>();

    /**
     * {@code args} after blank settings for what the developer's environment may configure (a database,
     * SMTP, MyOperator): blank means not configured, so a test runs as on a newcomer's machine. Later
     * settings win, so {@code args} may still configure any of them.
     */
    static String[] unconfigured(String... args) {
        return Stream.concat(Stream.of("--datasources.default.url=", "--warden.smtp.host=",
                "--warden.myoperator.api-key="), Arrays.stream(args)).toArray(String[]::new);
    }

    Run warden(String... args) {
        Contexts contexts = new Contexts() {
            @Override
            public ApplicationContext server(List<String> settings) {
                ApplicationContext context = new WardenContexts().server(settings);
                servers.add(context);
                return context;
            }

            @Override
            public ApplicationContext operator(List<String> settings) {
                return new WardenContexts().operator(settings);
            }
        };
        Arguments arguments = Arguments.split(args);
        WardenCommand warden = new WardenCommand(contexts, arguments.settings());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = warden.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(arguments.commandArray());
        return new Run(exitCode, out.toString(), err.toString(), warden.serving());
    }

    /** The servers started so far; those a command closed itself are no longer running. */
    List<ApplicationContext> servers() {
        return List.copyOf(servers);
    }

    @Override
    public void close() {
        servers.stream().filter(ApplicationContext::isRunning).forEach(ApplicationContext::close);
    }
}
