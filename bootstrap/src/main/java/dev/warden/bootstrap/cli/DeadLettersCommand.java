package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.ListDeadLettersUseCase;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.out.DeadLetter;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code warden deadletters}: webhook changes that failed for good, and sending them through again. */
@Command(name = "deadletters",
        description = "Webhook changes that failed for good.")
final class DeadLettersCommand extends CommandGroup {

    @ParentCommand
    private WardenCommand warden;

    @Command(name = "list",
            description = "Lists dead webhook changes, newest first: id, WABA, field, attempts, received, last error.")
    int list(@Option(names = "--page", defaultValue = "0", description = "from 0 (default: ${DEFAULT-VALUE})") int page,
             @Option(names = "--size", defaultValue = "20", description = "1 to 100 (default: ${DEFAULT-VALUE})")
             int size) {
        PageRequest request = new PageRequest(page, size);
        return warden.operate(context -> table(context.getBean(ListDeadLettersUseCase.class)
                .listDeadLetters(WardenCommand.OPERATOR, request)));
    }

    @Command(name = "replay",
            description = "Sends a dead change through processing again (audited as 'cli').")
    int replay(@Parameters(paramLabel = "ID", description = "the dead change's id (from list)") long id) {
        return warden.operate(context -> {
            context.getBean(ReplayDeadLetterUseCase.class).replay(WardenCommand.OPERATOR, id);
            return "Change " + id + " is pending again; a running Warden processes it.";
        });
    }

    private static String table(Page<DeadLetter> page) {
        String rows = page.items().stream()
                .map(dead -> String.join("\t", String.valueOf(dead.id()), dead.wabaId(), dead.field(),
                        String.valueOf(dead.attempts()), dead.receivedAt().toString(), oneLine(dead.lastError())))
                .collect(Collectors.joining(System.lineSeparator()));
        String summary = page.total() + " dead change(s); page " + page.page() + ", size " + page.size();
        return rows.isEmpty() ? summary : "ID\tWABA\tFIELD\tATTEMPTS\tRECEIVED\tLAST ERROR" + System.lineSeparator()
                + rows + System.lineSeparator() + summary;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ");
    }
}
