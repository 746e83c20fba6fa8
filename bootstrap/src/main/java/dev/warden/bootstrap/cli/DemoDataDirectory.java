package dev.warden.bootstrap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The demo's own database folder, which every demo starts over in. */
final class DemoDataDirectory {

    private DemoDataDirectory() {
    }

    /**
     * Empties the demo's data folder: it is the demo's alone, and a fresh database makes the story the
     * same every time. A folder that holds something else, or a running PostgreSQL, is left alone.
     */
    static Path startOver(Path directory) throws IOException {
        Path folder = directory.toAbsolutePath();
        if (Files.isDirectory(folder)) {
            if (Files.exists(folder.resolve("postmaster.pid"))) {
                throw new IllegalStateException(folder + " is in use (postmaster.pid): stop the demo running there,"
                        + " or delete the folder if none runs");
            }
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent() && !Files.exists(folder.resolve("PG_VERSION"))) {
                    throw new IllegalStateException(folder + " is not a database folder a demo made; choose another"
                            + " --data-dir");
                }
            }
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return folder;
    }
}
