package dev.warden.domain.template.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentLimitsTest {

    private static final Body BODY = Body.of("Your order is on its way.");

    private static List<String> rules(TemplateContent content) {
        return content.violations().stream().map(v -> v.component() + ":" + v.rule()).toList();
    }

    @Test
    void texts_respect_meta_lengths() {
        TemplateContent content = new TemplateContent(ParameterFormat.POSITIONAL, Optional.of(Header.text("h".repeat(61))),
                Body.of("b".repeat(1025)), Optional.of(new Footer("f".repeat(61))), List.of());

        assertThat(rules(content)).contains("HEADER:TOO_LONG", "BODY:TOO_LONG", "FOOTER:TOO_LONG");
        assertThat(rules(new TemplateContent(ParameterFormat.POSITIONAL, Optional.of(Header.text("h".repeat(60))),
                Body.of("b".repeat(1024)), Optional.of(new Footer("f".repeat(60))), List.of()))).isEmpty();
    }

    @Test
    void buttons_respect_meta_counts_and_labels() {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            buttons.add(Button.quickReply("Reply " + i));
        }
        buttons.add(Button.url("One", "https://a.example"));
        buttons.add(Button.url("Two", "https://b.example"));
        buttons.add(Button.url("Three is a label longer than 25", "https://c.example/{{1}}/x"));

        assertThat(rules(new TemplateContent(ParameterFormat.POSITIONAL, Optional.empty(), BODY, Optional.empty(),
                buttons))).contains("BUTTONS:TOO_MANY", "BUTTONS:TOO_MANY_URL", "BUTTONS[10]:LABEL_TOO_LONG",
                "BUTTONS[10]:URL_VARIABLE");
    }

    @Test
    void a_media_header_has_no_text_and_renders_without_values() {
        TemplateContent content = new TemplateContent(ParameterFormat.NAMED,
                Optional.of(new Header(HeaderFormat.IMAGE, "ignored", Map.of())),
                new Body("Hi {{name}}, your photo is ready.", Map.of("name", "Ana")), Optional.empty(), List.of());

        assertThat(content.violations()).isEmpty();
        RenderedContent rendered = content.render(Map.of(), Map.of("name", "Ana"));
        assertThat(rendered.header()).isEmpty();
        assertThat(rendered.body()).isEqualTo("Hi Ana, your photo is ready.");
        assertThat(content.parameters()).containsEntry("BODY", List.of("name"));
    }
}
