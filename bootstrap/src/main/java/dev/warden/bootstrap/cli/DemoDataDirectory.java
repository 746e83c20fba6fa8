package dev.warden.bootstrap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo's own folder, which every demo starts over in. The demo only ever empties a folder it made
 * itself (it holds {@value #MARKER}), so a PostgreSQL data folder it did not make — stopped or not —
 * is refused, not emptied. The database lives in {@value #DATABASE} below it: initdb wants an empty folder, and the
 * marker must sit beside the database, not in it.
 */
final class DemoDataDirectory {

    static final String MARKER = ".warden-demo";
    static final String DATABASE = "postgres";

    private DemoDataDirectory() {
    }

    /**
     * Empties the demo's folder (a fresh database makes the story the same every time), marks it as
     * the demo's and returns the database folder inside it. Refuses, touching nothing, a folder that
     * is, holds or lies in {@code installation} (Warden's own {@code warden.data-dir}), that is
     * {@code /}, the user's home or the working directory or one of their parents, that holds files
     * but no marker, or whose database still runs.
     */
    static Path startOver(Path directory, Path installation) throws IOException {
        Path folder = realPath(directory);
        refuseProtected(folder, realPath(installation));
        if (Files.isDirectory(folder) && !empty(folder)) {
            if (!Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException(folder + " holds files but is not a folder a demo made (no " + MARKER
                        + "); choose another --data-dir");
            }
            if (Files.exists(folder.resolve(DATABASE).resolve("postmaster.pid"), LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException(folder + " is in use (postmaster.pid): stop the demo running there,"
                        + " or delete the folder if none runs");
            }
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path path : tree.filter(path -> !path.equals(folder)).sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(MARKER), "Made by 'warden demo', which empties this folder at every demo.\n");
        return folder.resolve(DATABASE);
    }

    private static void refuseProtected(Path folder, Path installation) throws IOException {
        if (folder.startsWith(installation) || installation.startsWith(folder)) {
            throw new IllegalStateException(folder + " is, holds or lies in Warden's data folder " + installation
                    + " (warden.data-dir); choose another --data-dir");
        }
        Path home = realPath(Path.of(System.getProperty("user.home")));
        Path workingDirectory = realPath(Path.of(""));
        if (folder.getParent() == null || home.startsWith(folder) || workingDirectory.startsWith(folder)) {
            throw new IllegalStateException(folder + " is the root, your home or the working directory, or holds"
                    + " them; choose another --data-dir");
        }
    }

    /** The folder's real path (links resolved) even when it or its parents do not exist yet. */
    static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }

    private static boolean empty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
