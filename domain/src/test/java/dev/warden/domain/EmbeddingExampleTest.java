package dev.warden.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/embedding.md shows {@link TemplateLifecycleExample} verbatim; this keeps the page true. */
class EmbeddingExampleTest {

    @Test
    void the_embedding_guide_shows_the_example_that_the_build_runs() throws IOException {
        Path guide = Path.of("..", "docs", "embedding.md");
        Path example = Path.of("src", "test", "java", "dev", "warden", "domain", "TemplateLifecycleExample.java");

        String source = Files.readString(example);
        String body = source.substring(source.indexOf("class TemplateLifecycleExample"));

        assertThat(Files.readString(guide)).contains(body.strip());
    }
}
