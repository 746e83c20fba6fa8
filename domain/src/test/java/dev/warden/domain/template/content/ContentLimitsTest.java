package dev.warden.domain.template.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        RenderedContent rendered = content.render(Map.of(), Map.of("name", "Ana"), Map.of());
        assertThat(rendered.header()).isEmpty();
        assertThat(rendered.body()).isEqualTo("Hi Ana, your photo is ready.");
        assertThat(content.parameters()).containsEntry("BODY", List.of("name"));
    }

    @Test
    void quick_replies_come_as_one_group_and_a_copy_code_button_needs_its_code() {
        List<Button> mixed = List.of(Button.quickReply("Yes"), Button.url("Shop", "https://a.example"),
                Button.quickReply("No"), new Button(ButtonType.COPY_CODE, "", null, null, null));

        assertThat(rules(new TemplateContent(ParameterFormat.POSITIONAL, Optional.empty(), BODY, Optional.empty(),
                mixed))).contains("BUTTONS:BUTTONS_NOT_GROUPED", "BUTTONS[3]:MISSING_EXAMPLE");
        assertThat(rules(new TemplateContent(ParameterFormat.POSITIONAL, Optional.empty(), BODY, Optional.empty(),
                List.of(Button.quickReply("Yes"), Button.quickReply("No"), Button.url("Shop", "https://a.example"),
                        new Button(ButtonType.COPY_CODE, "", null, null, "SAVE10"))))).isEmpty();
    }

    @Test
    void every_violation_names_the_field_at_fault() {
        TemplateContent content = new TemplateContent(ParameterFormat.POSITIONAL, Optional.empty(),
                new Body("{{1}} is your code for the shop today.", Map.of()), Optional.empty(),
                List.of(Button.url("Track", "https://a.example/{{1}}")));

        assertThat(content.violations()).extracting(v -> v.component() + "." + v.field() + ":" + v.rule())
                .contains("BODY.text:VARIABLE_AT_START", "BODY.examples:MISSING_EXAMPLE",
                        "BUTTONS[0].example:MISSING_EXAMPLE");
    }

    @Test
    void renders_url_buttons_and_names_every_missing_or_extra_value() {
        TemplateContent content = new TemplateContent(ParameterFormat.NAMED, Optional.of(Header.text("Order {{id}}")),
                new Body("Hi {{name}}, your order ships today.", Map.of("name", "Ana")), Optional.of(new Footer("Shop")),
                List.of(new Button(ButtonType.URL, "Track", "https://a.example/t/{{1}}", null, "X1"),
                        Button.quickReply("Thanks")));

        RenderedContent rendered = content.render(Map.of("id", "A-1"), Map.of("name", "Ana"), Map.of(0, "A-1"));
        assertThat(rendered.header()).contains("Order A-1");
        assertThat(rendered.buttons()).extracting(RenderedButton::url).containsExactly("https://a.example/t/A-1", null);

        assertThatThrownBy(() -> content.render(Map.of(), Map.of("nme", "Ana"), Map.of(1, "x", 7, "y")))
                .isInstanceOf(dev.warden.domain.template.parameter.ParameterMismatch.class)
                .satisfies(e -> assertThat(((dev.warden.domain.template.parameter.ParameterMismatch) e).problems())
                        .extracting(p -> p.component() + ":" + p.parameter()).containsExactlyInAnyOrder(
                                "HEADER:id", "BODY:name", "BODY:nme", "BUTTONS[0]:1", "BUTTONS[1]:1",
                                "BUTTONS[7]:7"));
    }
}
