package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Warden server as a process of its own on the shared test database, so that a SIGTERM is a real one:
 * stopped and started again on the same port, each run with a log of its own and its exit code kept.
 */
final class WardenProcess {

    private final String name;
    private final int port;
    private final List<String> settings = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final List<Integer> exitCodes = new ArrayList<>();
    private Process process;
    /** The instance's HTTP API; it answers 0 (no server) while the process is down. */
    final ApiClient api;

    /** {@code extra}: settings besides the shared database's. */
    WardenProcess(String name, Map<String, String> extra) throws IOException {
        this.name = name;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestPostgres.properties().forEach((key, value) -> settings.add("--" + key + "=" + value));
        extra.forEach((key, value) -> settings.add("--" + key + "=" + value));
        settings.add("--micronaut.server.port=" + port);
        api = new ApiClient(HttpClient.create(new URL("http://localhost:" + port)).toBlocking());
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The log as in production (INFO, not the tests' WARN): each stop's own lines are checked.
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                // Quick to start on a busy machine: the instances restart while the load runs on the same cores.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Application.class.getName()));
        command.addAll(settings);
        Path log = Path.of("target", "rolling-restart", name + "-run-" + (logs.size() + 1) + ".log");
        Files.createDirectories(log.toAbsolutePath().getParent());
        logs.add(log);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code /health/readiness} is UP, as an operator waits before stopping the next instance. */
    void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(120);
        while (api.get("/health/readiness", null).status() != 200) {
            assertThat(process.isAlive()).as("%s is running (its output is in %s)", name, log()).isTrue();
            assertThat(Instant.now()).as("%s ready (its output is in %s)", name, log()).isBefore(deadline);
            pause(100);
        }
    }

    /** SIGTERM, as {@code docker stop} and Kubernetes send it; waits for the process to exit. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s exited after SIGTERM (its output is in %s)",
                name, log()).isTrue();
        exitCodes.add(process.exitValue());
    }

    /** Cleanup after a failed test only. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    Path log() {
        return logs.get(logs.size() - 1);
    }

    List<Path> logs() {
        return List.copyOf(logs);
    }

    List<Integer> exitCodes() {
        return List.copyOf(exitCodes);
    }

    @Override
    public String toString() {
        return name;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
