package dev.warden.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * The one place the demo deletes files: only a folder a PostgreSQL made (PG_VERSION) and none runs in
 * (no postmaster.pid) is emptied; anything else is refused with every file left where it was.
 */
class DemoDataDirectoryTest {

    /** Files at the top or one folder down ("ab.txt", "ab/c.txt"): folder names never clash with file names. */
    private static final Gen<List<String>> CONTENTS = lists().of(strings().betweenCodePoints('a', 'e')
            .ofLengthBetween(1, 3).zip(strings().betweenCodePoints('a', 'e').ofLengthBetween(0, 3),
                    (first, second) -> (second.isEmpty() ? first : first + "/" + second) + ".txt"))
            .ofSizeBetween(1, 6);

    @TempDir
    Path base;

    @Test
    void a_folder_without_a_database_is_refused_and_kept_whatever_it_holds() {
        qt().withExamples(100).forAll(CONTENTS).checkAssert(contents -> {
            Path folder = folder(contents);
            List<String> before = files(folder);
            assertThatThrownBy(() -> DemoDataDirectory.startOver(folder))
                    .hasMessageContaining("not a database folder a demo made");
            assertThat(files(folder)).isEqualTo(before);
        });
    }

    @Test
    void a_folder_a_database_still_runs_in_is_refused_and_kept() {
        qt().withExamples(50).forAll(CONTENTS).checkAssert(contents -> {
            Path folder = folder(contents);
            write(folder.resolve("PG_VERSION"));
            write(folder.resolve("postmaster.pid"));
            List<String> before = files(folder);
            assertThatThrownBy(() -> DemoDataDirectory.startOver(folder)).hasMessageContaining("is in use");
            assertThat(files(folder)).isEqualTo(before);
        });
    }

    @Test
    void a_stopped_database_folder_is_emptied_whatever_it_holds() {
        qt().withExamples(100).forAll(CONTENTS).checkAssert(contents -> {
            Path folder = folder(contents);
            write(folder.resolve("PG_VERSION"));
            assertThat(startOver(folder)).isEqualTo(folder.toAbsolutePath());
            assertThat(folder).doesNotExist();
        });
    }

    @Test
    void a_missing_or_empty_folder_is_fine() throws IOException {
        Path missing = base.resolve("missing");
        assertThat(DemoDataDirectory.startOver(missing)).isEqualTo(missing.toAbsolutePath());
        assertThat(missing).doesNotExist();

        Path empty = Files.createDirectory(base.resolve("empty"));
        assertThat(DemoDataDirectory.startOver(empty)).isEqualTo(empty.toAbsolutePath());
        assertThat(empty).doesNotExist();
    }

    private Path folder(List<String> contents) {
        try {
            Path folder = Files.createTempDirectory(base, "folder");
            for (String path : contents) {
                Path file = folder.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, path);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths under {@code folder}, relative to it. */
    private static List<String> files(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            return tree.map(path -> folder.relativize(path).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path startOver(Path folder) {
        try {
            return DemoDataDirectory.startOver(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
