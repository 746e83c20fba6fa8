package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.ButtonType;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.TemplateText;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warden's template content as the body of Meta's create and edit calls (§5.2, §5.3). Examples go
 * in the shape the parameter format asks for: positional ones as {@code body_text: [["v1","v2"]]}
 * and {@code header_text: ["v1"]}, named ones as {@code body_text_named_params} and
 * {@code header_text_named_params} lists of {@code {param_name, example}}.
 */
final class GraphTemplateBody {

    private GraphTemplateBody() {
    }

    static byte[] create(TemplateName name, LanguageCode language, TemplateCategory category, TemplateContent content) {
        ObjectNode root = MetaJson.MAPPER.createObjectNode();
        root.put("name", name.value());
        root.put("language", language.value());
        root.put("category", category.name());
        root.put("parameter_format", content.parameterFormat().name());
        root.set("components", components(content));
        return bytes(root);
    }

    /** Components are replaced wholesale; the category only when it is to change (never for an APPROVED one). */
    static byte[] edit(Optional<TemplateCategory> category, TemplateContent content) {
        ObjectNode root = MetaJson.MAPPER.createObjectNode();
        category.ifPresent(c -> root.put("category", c.name()));
        root.put("parameter_format", content.parameterFormat().name());
        root.set("components", components(content));
        return bytes(root);
    }

    private static ArrayNode components(TemplateContent content) {
        ArrayNode components = MetaJson.MAPPER.createArrayNode();
        content.header().ifPresent(header -> components.add(header(header, content.parameterFormat())));
        ObjectNode body = components.addObject().put("type", "BODY").put("text", content.body().text());
        examples(content.body().text(), content.body().examples(), content.parameterFormat(), "body")
                .ifPresent(example -> body.set("example", example));
        content.footer().ifPresent(footer -> components.addObject().put("type", "FOOTER").put("text", footer.text()));
        if (!content.buttons().isEmpty()) {
            ArrayNode buttons = components.addObject().put("type", "BUTTONS").putArray("buttons");
            content.buttons().forEach(button -> buttons.add(button(button)));
        }
        return components;
    }

    private static ObjectNode header(Header header, ParameterFormat format) {
        ObjectNode node = MetaJson.MAPPER.createObjectNode().put("type", "HEADER").put("format", header.format().name());
        if (header.isText()) {
            node.put("text", header.text());
            examples(header.text(), header.examples(), format, "header").ifPresent(e -> node.set("example", e));
        }
        return node;
    }

    /** The example object of a text with variables; empty when the text has none. */
    private static Optional<ObjectNode> examples(String text, Map<String, String> examples, ParameterFormat format,
                                                 String component) {
        List<String> names = TemplateText.parse(text).parameterNames();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode example = MetaJson.MAPPER.createObjectNode();
        if (format == ParameterFormat.NAMED) {
            ArrayNode params = example.putArray(component + "_text_named_params");
            names.forEach(name -> params.addObject().put("param_name", name).put("example", examples.getOrDefault(name, "")));
        } else {
            // {{1}}..{{n}} in number order, whatever order the text uses them in.
            List<String> ordered = names.stream().sorted(Comparator.comparingInt(GraphTemplateBody::position)).toList();
            ArrayNode values = component.equals("body") ? example.putArray("body_text").addArray()
                    : example.putArray("header_text");
            ordered.forEach(name -> values.add(examples.getOrDefault(name, "")));
        }
        return Optional.of(example);
    }

    private static int position(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static ObjectNode button(Button button) {
        ObjectNode node = MetaJson.MAPPER.createObjectNode().put("type", button.type().name());
        if (!button.text().isEmpty()) {
            node.put("text", button.text());
        }
        if (button.url() != null) {
            node.put("url", button.url());
        }
        if (button.phoneNumber() != null) {
            node.put("phone_number", button.phoneNumber());
        }
        if (button.example() != null) {
            if (button.type() == ButtonType.URL) {
                node.putArray("example").add(urlExample(button));
            } else {
                node.put("example", button.example());
            }
        }
        return node;
    }

    /**
     * Meta's example of a URL button is the whole URL with its variable (always at the end) filled in;
     * Warden accepts the whole URL or the variable's value alone.
     */
    private static String urlExample(Button button) {
        int variable = button.url() == null ? -1 : button.url().indexOf("{{");
        if (variable < 0) {
            return button.example();
        }
        String prefix = button.url().substring(0, variable);
        return button.example().startsWith(prefix) ? button.example() : prefix + button.example();
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return MetaJson.MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a template body always serialises", e);
        }
    }
}
