package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.WardenRunner.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/quickstart.md, executed: every block marked {@code <!-- quickstart: run -->} runs in order, and
 * each line of the {@code <!-- quickstart: expect -->} block after it must appear in what it printed.
 *
 * <p>What is substituted, and why (nothing else is):
 * <ul>
 *   <li>{@code java -jar bootstrap/target/warden.jar ARGS}: the jar is built after the tests, so the
 *   same {@code warden} command runs in this JVM ({@link WardenRunner}, as {@code main} runs it) with
 *   ARGS as bash expands them, plus {@code --micronaut.server.port} and, for {@code demo}, a
 *   {@code --data-dir} under target/ (the doc's {@code .warden/demo} would land in the source tree).
 *   A relative path in ARGS is resolved from the repository root, where the doc's reader stands.</li>
 *   <li>{@code localhost:8080}: a free port, since 8080 may be taken on a build machine.</li>
 *   <li>Other blocks run in bash from the repository root. One followed by expectations is run
 *   again until they hold (up to 15 s): the doc says Warden applies a webhook "a moment later".</li>
 * </ul>
 * The demo keeps serving, as the doc asks; the servers it started are closed at the end.
 */
class QuickstartIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String WARDEN = "java -jar bootstrap/target/warden.jar ";
    /** A marker, wherever it stands, except quoted in backticks as the doc's prose names them. */
    private static final Pattern MARKER = Pattern.compile("(?<!`)<!-- quickstart:");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- quickstart: (run|expect) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    private record Block(String kind, String text) {

        List<String> lines() {
            return text.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    @Test
    void the_quickstart_takes_a_newcomer_from_the_build_to_a_paused_template_and_a_held_campaign() throws IOException {
        needs("bash");
        needs("curl");
        String markdown = Files.readString(ROOT.resolve("docs/quickstart.md"));
        List<Block> blocks = blocks(markdown);
        assertThat(blocks).extracting(Block::kind).as("the doc marks its commands").contains("run", "expect");
        assertThat(blocks).as("every <!-- quickstart: run|expect --> marker is followed by a fenced block")
                .hasSize((int) MARKER.matcher(markdown).results().count());
        int port = freePort();
        try (WardenRunner runner = new WardenRunner()) {
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                assertThat(block.kind()).as("an expect block follows a run block").isEqualTo("run");
                List<String> expected = i + 1 < blocks.size() && blocks.get(i + 1).kind().equals("expect")
                        ? blocks.get(++i).lines().stream().map(line -> onPort(line, port)).toList() : List.of();
                String script = onPort(block.text(), port);
                if (script.startsWith(WARDEN)) {
                    String out = warden(runner, script, port);
                    expected.forEach(line -> assertThat(out).as(script).contains(line));
                } else {
                    Eventually.holds(() -> {
                        String out = bash(script);
                        expected.forEach(line -> assertThat(out).as(script).contains(line));
                    });
                }
            }
        }
    }

    /** Fails, naming the tool, when the quickstart's reader would lack it too (no skipping: the doc needs it). */
    private static void needs(String tool) {
        String found;
        try {
            Process process = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            found = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                found = "";
            }
        } catch (IOException e) {
            found = "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(found).as("docs/quickstart.md needs %s, which is not installed here: install %s to run"
                + " QuickstartIT", tool, tool).isNotEmpty();
    }

    private static String onPort(String text, int port) {
        return text.replace("localhost:8080", "localhost:" + port);
    }

    private static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(markdown);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    /** Runs each {@code warden} line of a block in this JVM; what they printed. */
    private static String warden(WardenRunner runner, String script, int port) {
        StringBuilder printed = new StringBuilder();
        for (String line : script.replace("\\\n", " ").lines().filter(line -> !line.isBlank()).toList()) {
            assertThat(line).as("a block runs warden only").startsWith(WARDEN);
            List<String> args = new ArrayList<>(Arrays.stream(words(line.substring(WARDEN.length())))
                    .map(QuickstartIT::fromRoot).toList());
            args.add("--micronaut.server.port=" + port);
            if (args.get(0).equals("demo")) {
                args.add("--data-dir=" + Path.of("target", "quickstart-" + UUID.randomUUID()).toAbsolutePath());
            }
            Run run = runner.warden(WardenRunner.unconfigured(args.toArray(String[]::new)));
            assertThat(run.exitCode()).as(line + "\n" + run.err() + run.out()).isZero();
            printed.append(run.out());
        }
        return printed.toString();
    }

    /** The words bash makes of {@code arguments} (quotes, escapes), printed by bash itself. */
    private static String[] words(String arguments) {
        String split = bash("printf '%s\\0' " + arguments);
        return split.substring(0, split.length() - 1).split("\0", -1);
    }

    private static String fromRoot(String argument) {
        return !argument.startsWith("-") && Files.exists(ROOT.resolve(argument))
                ? ROOT.resolve(argument).toString() : argument;
    }

    /** Runs a script in bash from the repository root, stopping at the first failing command; its output. */
    private static String bash(String script) {
        try {
            Process process = new ProcessBuilder(Stream.of("bash", "-e", "-o", "pipefail", "-c", script).toList())
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(script + "\n" + out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
