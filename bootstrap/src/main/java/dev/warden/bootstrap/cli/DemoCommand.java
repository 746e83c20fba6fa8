package dev.warden.bootstrap.cli;

import dev.warden.bootstrap.cli.DemoStory.Login;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code warden demo}: Warden's main job in a minute, on a fresh embedded database of its own. Starts
 * the real server, tells {@link DemoStory}, says how to sign in, and keeps serving (unless
 * {@code --exit}). A configured database is refused unless asked for, so a demo never lands in a
 * real installation by accident.
 */
@Command(name = "demo",
        description = {"Shows Warden's main job: starts Warden on an embedded database of its own, creates a sample"
                + " organisation (an admin, a WABA, templates, a running campaign), plays recorded signed Meta webhooks"
                + " through the receiver (a pause holds the campaign and raises an alert; the recovery releases it),"
                + " tells each step, prints how to sign in and keeps serving."})
final class DemoCommand implements Callable<Integer> {

    private static final String DATABASE_URL = "datasources.default.url";
    private static final String DATA_DIR = "warden.data-dir";
    private static final String APP_SECRET = "warden.meta.app-secret";
    private static final String ADMIN_USERNAME = "warden.admin.username";
    private static final String ADMIN_PASSWORD = "warden.admin.password";

    /**
     * The user's real integrations, off for a demo on its own database: its sample WABA must not be
     * reconciled with Meta with a real token, nor its alerts e-mailed or sent through MyOperator.
     */
    private static final List<String> OFF_ON_ITS_OWN_DATABASE = List.of("--warden.reconcile.enabled=false",
            "--warden.meta.access-token=", "--warden.smtp.host=", "--warden.myoperator.api-key=");

    @ParentCommand
    private WardenCommand warden;

    @Spec
    private CommandSpec spec;

    @Option(names = "--exit", description = "Ends after the story instead of serving on.")
    private boolean exit;

    @Option(names = "--data-dir", defaultValue = ".warden/demo", paramLabel = "DIR",
            description = "The demo's own folder, emptied at every demo (default: ${DEFAULT-VALUE}); only a folder"
                    + " the demo made (it holds .warden-demo) is emptied, and WARDEN_DATA_DIR, your installation's,"
                    + " is refused.")
    private Path dataDirectory;

    @Option(names = "--on-configured-database",
            description = "Runs the demo on the configured database (DATASOURCES_DEFAULT_URL) instead of refusing:"
                    + " the sample organisation stays there, and a second demo there fails (its admin and WABA exist).")
    private boolean onConfiguredDatabase;

    @Override
    public Integer call() throws IOException, InterruptedException {
        boolean configured = warden.setting(DATABASE_URL).isPresent();
        if (configured && !onConfiguredDatabase) {
            spec.commandLine().getErr().println("warden: a database is configured (DATASOURCES_DEFAULT_URL): the demo"
                    + " would add its sample organisation to it. Unset it to run the demo on an embedded database of"
                    + " its own, or add --on-configured-database.");
            return CommandLine.ExitCode.SOFTWARE;
        }
        List<String> settings = new ArrayList<>();
        Optional<Login> superAdmin = Optional.empty();
        if (!configured) {
            Path installation = Path.of(warden.setting(DATA_DIR).orElse(".warden/postgres"));
            settings.add("--" + DATA_DIR + "=" + DemoDataDirectory.startOver(dataDirectory, installation));
            settings.addAll(OFF_ON_ITS_OWN_DATABASE);
            superAdmin = superAdmin(settings);
        }
        String appSecret = warden.setting(APP_SECRET).orElse("").split(",", -1)[0].strip();
        if (appSecret.isEmpty()) {
            // Warden refuses unsigned webhooks; this run signs and checks with a secret of its own.
            appSecret = AdminCommand.generatedPassword();
            settings.add("--" + APP_SECRET + "=" + appSecret);
        }
        ApplicationContext server = warden.server(settings);
        try {
            String url = "http://localhost:" + server.getBean(EmbeddedServer.class).getPort();
            PrintWriter out = spec.commandLine().getOut();
            Login admin = new DemoStory(server, new DemoWebhooks(URI.create(url + "/webhooks/meta"), appSecret), out)
                    .play();
            signIn(out, url, admin, superAdmin);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        if (exit) {
            server.close();
        } else {
            warden.keepServing();
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * The super admin of the demo's fresh database: the configured one, or "admin" with a generated
     * password (which also keeps Warden's first-run banner from announcing a second installation).
     */
    private Optional<Login> superAdmin(List<String> settings) {
        Optional<String> username = warden.setting(ADMIN_USERNAME);
        if (username.isPresent() && warden.setting(ADMIN_PASSWORD).isPresent()) {
            return Optional.of(new Login(username.get(), "as configured"));
        }
        Login admin = new Login("admin", AdminCommand.generatedPassword());
        settings.add("--" + ADMIN_USERNAME + "=" + admin.username());
        settings.add("--" + ADMIN_PASSWORD + "=" + admin.password());
        return Optional.of(admin);
    }

    private void signIn(PrintWriter out, String url, Login admin, Optional<Login> superAdmin) {
        out.println();
        out.println(exit ? "Warden ran at " + url + " (the demo ends here: --exit)."
                : "Warden keeps running at " + url + " so you can look around; Ctrl+C stops it.");
        out.printf("  sign in: POST %s/login {\"username\":\"%s\",\"password\":\"%s\"}  (%s's admin)%n", url,
                admin.username(), admin.password(), DemoStory.ORGANIZATION);
        superAdmin.ifPresent(root -> out.printf("       or: username %s, password %s  (super admin)%n",
                root.username(), root.password()));
        out.printf("  then:    GET %s/api/v1/campaigns, /api/v1/alerts, /api/v1/templates/{id}/status-history"
                + " with Authorization: Bearer <access_token>%n", url);
        out.printf("  API:     %s/swagger-ui%n", url);
        if (superAdmin.isPresent()) {
            out.println("The next demo starts over in " + dataDirectory + "; your installation's data is not touched.");
        }
        out.flush();
    }
}
