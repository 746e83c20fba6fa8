package dev.warden.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md shows only what the build proves: every Java block is a recipe of the consumer
 * project in src/it/embedding (which maven-invoker-plugin builds against the installed coordinates),
 * and its dependency block is that project's, at this version.
 */
class EmbeddingGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "embedding.md");
    private static final Path CONSUMER = Path.of("src", "it", "embedding");
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void every_java_block_of_the_guide_is_a_recipe_the_build_runs_and_every_recipe_is_shown() throws IOException {
        List<String> recipes = recipes();
        List<String> shown = blocks("java");

        assertThat(recipes).as("recipes in " + CONSUMER).isNotEmpty();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(recipes);
    }

    @Test
    void the_guide_shows_the_consumer_projects_dependency_block_at_this_version() throws IOException {
        String consumerPom = Files.readString(CONSUMER.resolve("pom.xml"));
        List<String> xml = blocks("xml");

        assertThat(xml).singleElement().satisfies(block -> {
            assertThat(consumerPom).contains(indent(block, "        "));
            assertThat(block).contains("<version>" + projectVersion() + "</version>");
        });
    }

    @Test
    void the_install_command_names_this_module() throws IOException {
        assertThat(blocks("sh")).contains("./mvnw -B -pl domain-fixtures -am install\n");
        assertThat(Path.of("..", "domain-fixtures", "pom.xml")).exists();
    }

    private static List<String> recipes() throws IOException {
        try (Stream<Path> files = Files.walk(CONSUMER.resolve(Path.of("src", "test", "java")))) {
            List<String> recipes = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).sorted().toList()) {
                recipes.add(Files.readString(file));
            }
            return recipes;
        }
    }

    private static List<String> blocks(String language) throws IOException {
        Matcher matcher = BLOCK.matcher(Files.readString(GUIDE));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(language)) {
                blocks.add(matcher.group(2));
            }
        }
        return blocks;
    }

    /** The parent's version in this module's pom: what the install command installs. */
    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static String indent(String block, String prefix) {
        return block.lines().map(line -> line.isEmpty() ? line : prefix + line).reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
