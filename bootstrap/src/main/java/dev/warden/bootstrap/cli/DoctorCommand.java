package dev.warden.bootstrap.cli;

import dev.warden.bootstrap.doctor.Doctor;
import dev.warden.bootstrap.doctor.Finding;
import dev.warden.bootstrap.doctor.SlackWebhookUrls;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warden doctor}: checks what Warden depends on with the configuration it would run with. */
@Command(name = "doctor",
        description = {"Checks the database (connection, pending migrations), the Meta access token, the SMTP server,"
                + " the hosts of the organisations' Slack webhooks and MyOperator, and prints one line each:"
                + " OK, WARN, FAIL (with what to do) or -- (not configured). Changes nothing, sends nothing.",
                "Exits 1 when a check failed."})
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    private WardenCommand warden;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<Finding> findings = warden.withSettings(settings -> Doctor.examine(settings, this::slackUrls));
        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(finding -> out.println(finding.line()));
        long failed = findings.stream().filter(finding -> finding.verdict() == Finding.Verdict.FAIL).count();
        long warned = findings.stream().filter(finding -> finding.verdict() == Finding.Verdict.WARN).count();
        out.println(failed == 0 && warned == 0 ? "Nothing wrong found."
                : failed + " failed, " + warned + " warning(s).");
        return failed == 0 ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    private List<URI> slackUrls() {
        try (ApplicationContext context = warden.operatorUnmigrated()) {
            return SlackWebhookUrls.read(context);
        }
    }
}
