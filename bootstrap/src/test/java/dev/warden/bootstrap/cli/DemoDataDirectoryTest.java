package dev.warden.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
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
 * The one place the demo deletes files: only a folder the demo made (it holds .warden-demo) and
 * whose database does not run is emptied; Warden's own data folder, a stopped PostgreSQL's folder,
 * the root, the home and the working directory are refused with every file left where it was.
 */
class DemoDataDirectoryTest {

    /** Files at the top or one folder down ("ab.txt", "ab/c.txt"): folder names never clash with file names. */
    private static final Gen<List<String>> CONTENTS = lists().of(strings().betweenCodePoints('a', 'e')
            .ofLengthBetween(1, 3).zip(strings().betweenCodePoints('a', 'e').ofLengthBetween(0, 3),
                    (first, second) -> (second.isEmpty() ? first : first + "/" + second) + ".txt"))
            .ofSizeBetween(1, 6);

    /** Relative folders over few names ("a", "a/b", "b/a/a"), so that one often holds the other. */
    private static final Gen<String> NESTED = lists().of(strings().betweenCodePoints('a', 'b').ofLength(1))
            .ofSizeBetween(1, 3).map(names -> String.join("/", names));

    @TempDir
    Path base;

    @Test
    void a_folder_without_the_marker_is_refused_and_kept_whatever_it_holds_a_stopped_database_too() {
        qt().withExamples(100).forAll(CONTENTS, booleans().all()).checkAssert((contents, database) -> {
            Path folder = folder(contents);
            if (database) {
                write(folder.resolve("PG_VERSION"));
            }
            List<String> before = files(folder);
            assertThatThrownBy(() -> DemoDataDirectory.startOver(folder, elsewhere()))
                    .hasMessageContaining("not a folder a demo made");
            assertThat(files(folder)).isEqualTo(before);
        });
    }

    @Test
    void a_folder_the_demo_made_whose_database_still_runs_is_refused_and_kept() {
        qt().withExamples(50).forAll(CONTENTS).checkAssert(contents -> {
            Path folder = folder(contents);
            write(folder.resolve(DemoDataDirectory.MARKER));
            write(folder.resolve("postgres/postmaster.pid"));
            List<String> before = files(folder);
            assertThatThrownBy(() -> DemoDataDirectory.startOver(folder, elsewhere())).hasMessageContaining("is in use");
            assertThat(files(folder)).isEqualTo(before);
        });
    }

    @Test
    void a_folder_the_demo_made_is_emptied_whatever_it_holds_and_marked_again() {
        qt().withExamples(100).forAll(CONTENTS).checkAssert(contents -> {
            Path folder = folder(contents);
            write(folder.resolve(DemoDataDirectory.MARKER));
            write(folder.resolve("postgres/PG_VERSION"));
            assertThat(startOver(folder, elsewhere())).isEqualTo(real(folder).resolve("postgres"));
            assertThat(files(folder)).containsExactly("", DemoDataDirectory.MARKER);
        });
    }

    @Test
    void a_folder_that_is_holds_or_lies_in_warden_s_data_folder_is_refused_and_kept() {
        qt().withExamples(200).forAll(NESTED, NESTED).checkAssert((demo, installation) -> {
            Path root = temporary();
            Path folder = root.resolve(demo);
            write(folder.resolve(DemoDataDirectory.MARKER));
            write(folder.resolve("notes.txt"));
            List<String> before = files(root);
            boolean related = Path.of(demo).startsWith(installation) || Path.of(installation).startsWith(demo);
            if (related) {
                assertThatThrownBy(() -> DemoDataDirectory.startOver(folder, root.resolve(installation)))
                        .hasMessageContaining("warden.data-dir");
                assertThat(files(root)).isEqualTo(before);
            } else {
                assertThat(startOver(folder, root.resolve(installation))).isEqualTo(real(folder).resolve("postgres"));
                assertThat(folder.resolve("notes.txt")).doesNotExist();
            }
        });
    }

    @Test
    void warden_s_stopped_database_is_refused_by_its_relative_default_path_and_through_a_link() throws IOException {
        Path installation = Files.createDirectories(base.resolve("install/.warden/postgres"));
        write(installation.resolve("PG_VERSION"));
        write(installation.resolve(DemoDataDirectory.MARKER));
        Path link = Files.createSymbolicLink(base.resolve("link"), installation);

        assertThatThrownBy(() -> DemoDataDirectory.startOver(installation, installation))
                .hasMessageContaining("warden.data-dir");
        assertThatThrownBy(() -> DemoDataDirectory.startOver(link, installation))
                .hasMessageContaining("warden.data-dir");
        assertThatThrownBy(() -> DemoDataDirectory.startOver(base.resolve("install/.warden"), installation))
                .hasMessageContaining("warden.data-dir");
        assertThatThrownBy(() -> DemoDataDirectory.startOver(Path.of(".warden/postgres"), Path.of(".warden/postgres")))
                .hasMessageContaining("warden.data-dir");
        assertThat(installation.resolve("PG_VERSION")).exists();
    }

    @Test
    void the_root_the_home_and_the_working_directory_and_its_parents_are_refused() {
        Path home = Path.of(System.getProperty("user.home"));
        for (Path folder : List.of(Path.of("/"), home, Path.of(""), Path.of("."), Path.of(".."),
                Path.of("").toAbsolutePath().getParent().getParent())) {
            assertThatThrownBy(() -> DemoDataDirectory.startOver(folder, elsewhere())).as(folder.toString())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("choose another --data-dir");
            assertThat(folder).exists();
        }
    }

    @Test
    void a_missing_or_empty_folder_is_made_the_demo_s() throws IOException {
        Path missing = base.resolve("missing/demo");
        assertThat(DemoDataDirectory.startOver(missing, elsewhere())).isEqualTo(real(missing).resolve("postgres"));
        assertThat(files(missing)).containsExactly("", DemoDataDirectory.MARKER);

        Path empty = Files.createDirectory(base.resolve("empty"));
        assertThat(DemoDataDirectory.startOver(empty, elsewhere())).isEqualTo(real(empty).resolve("postgres"));
        assertThat(files(empty)).containsExactly("", DemoDataDirectory.MARKER);
    }

    /** An installation folder unrelated to every folder a test uses. */
    private Path elsewhere() {
        return base.resolve("installation/.warden/postgres");
    }

    private Path temporary() {
        try {
            return Files.createTempDirectory(base, "root");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder(List<String> contents) {
        Path folder = temporary();
        for (String path : contents) {
            write(folder.resolve(path));
        }
        return folder;
    }

    /** The paths under {@code folder}, relative to it. */
    private static List<String> files(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            return tree.map(path -> folder.relativize(path).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path real(Path folder) {
        try {
            return DemoDataDirectory.realPath(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path startOver(Path folder, Path installation) {
        try {
            return DemoDataDirectory.startOver(folder, installation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
