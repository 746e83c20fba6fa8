package dev.warden.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.domain.template.content.Body;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.ButtonType;
import dev.warden.domain.template.content.Footer;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.HeaderFormat;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.JSONB;

/** Template content as stored in jsonb. The shape is ours, versioned by its field names; never Meta's. */
final class ContentJson {

    private ContentJson() {
    }

    static JSONB write(TemplateContent content) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("parameterFormat", content.parameterFormat().name());
        content.header().ifPresent(header -> {
            ObjectNode node = root.putObject("header");
            node.put("format", header.format().name());
            node.put("text", header.text());
            node.set("examples", Json.MAPPER.valueToTree(header.examples()));
        });
        ObjectNode body = root.putObject("body");
        body.put("text", content.body().text());
        body.set("examples", Json.MAPPER.valueToTree(content.body().examples()));
        content.footer().ifPresent(footer -> root.putObject("footer").put("text", footer.text()));
        ArrayNode buttons = root.putArray("buttons");
        for (Button button : content.buttons()) {
            buttons.addObject().put("type", button.type().name()).put("text", button.text()).put("url", button.url())
                    .put("phoneNumber", button.phoneNumber()).put("example", button.example());
        }
        return JSONB.valueOf(root.toString());
    }

    static TemplateContent read(JSONB json) {
        JsonNode root = Json.tree(json);
        Optional<Header> header = Optional.ofNullable(root.get("header")).filter(JsonNode::isObject)
                .map(node -> new Header(HeaderFormat.valueOf(node.get("format").asText()), text(node, "text"),
                        examples(node)));
        JsonNode bodyNode = root.get("body");
        Body body = new Body(bodyNode.get("text").asText(), examples(bodyNode));
        Optional<Footer> footer = Optional.ofNullable(root.get("footer")).filter(JsonNode::isObject)
                .map(node -> new Footer(node.get("text").asText()));
        List<Button> buttons = new ArrayList<>();
        for (JsonNode node : root.path("buttons")) {
            buttons.add(new Button(ButtonType.valueOf(node.get("type").asText()), text(node, "text"),
                    text(node, "url"), text(node, "phoneNumber"), text(node, "example")));
        }
        return new TemplateContent(ParameterFormat.valueOf(root.get("parameterFormat").asText()), header, body, footer,
                buttons);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> examples(JsonNode node) {
        Map<String, String> examples = new LinkedHashMap<>();
        node.path("examples").fields().forEachRemaining(e -> examples.put(e.getKey(), e.getValue().asText()));
        return examples;
    }
}
