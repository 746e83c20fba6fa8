package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.GetSyncJobUseCase;
import dev.warden.application.port.in.SyncWhatsAppAccountUseCase;
import dev.warden.application.port.out.SyncJob;
import dev.warden.domain.organization.WabaId;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warden sync --waba ID}: reconciles one WABA with Meta now, showing its progress until it ends. */
@Command(name = "sync",
        description = {"Reconciles a WABA's templates with Meta now (needs WARDEN_META_ACCESS_TOKEN) and shows"
                + " pages, templates and changes until the job ends (audited as 'cli').",
                "Exits 1 when the job failed. When a sync of the WABA runs already, follows that one."})
final class SyncCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 500;

    @ParentCommand
    private WardenCommand warden;

    @Spec
    private CommandSpec spec;

    @Option(names = "--waba", required = true, paramLabel = "WABA_ID", description = "Meta's id of a registered WABA")
    private String waba;

    @Override
    public Integer call() throws InterruptedException {
        WabaId wabaId = new WabaId(waba);
        PrintWriter out = spec.commandLine().getOut();
        try (ApplicationContext context = warden.operator()) {
            SyncJob job = context.getBean(SyncWhatsAppAccountUseCase.class).startSync(WardenCommand.OPERATOR, wabaId);
            GetSyncJobUseCase jobs = context.getBean(GetSyncJobUseCase.class);
            out.println("Sync " + job.id() + " of WABA " + wabaId.value());
            String shown = "";
            while (job.status() == SyncJob.Status.RUNNING) {
                String progress = progress(job);
                if (!progress.equals(shown)) {
                    out.println(progress);
                    shown = progress;
                }
                Thread.sleep(POLL_MILLIS);
                job = jobs.getSyncJob(WardenCommand.OPERATOR, job.id());
            }
            out.println(job.status() + ": " + progress(job));
            job.errors().forEach(error -> out.println("  " + error));
            return job.status() == SyncJob.Status.COMPLETED ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }
    }

    private static String progress(SyncJob job) {
        return "pages " + job.pagesFetched() + ", templates " + job.templatesSeen() + ", changes " + job.changesApplied();
    }
}
