package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.adapters.meta.webhook.MetaVocabulary;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.MetaWebhookSubscriptions;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.MetaTemplateId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the Graph API's template answers into Warden's types. A page is read whole or refused
 * whole: one unreadable template makes the page malformed, so nothing of it is applied.
 */
final class GraphTemplateReader {

    private GraphTemplateReader() {
    }

    static JsonNode json(byte[] body) {
        try {
            JsonNode tree = MetaJson.MAPPER.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw malformed("the answer is empty");
            }
            return tree;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MetaCallFailed failed) {
                throw failed;
            }
            // Jackson's own limits (nesting, number length) end here as well.
            throw malformed("the answer is not JSON: " + GraphErrors.shorten(String.valueOf(e.getMessage())
                    .lines().findFirst().orElse("")));
        }
    }

    /**
     * {@code GET /{WABA_ID}/subscribed_apps}: {@code {"data":[{"whatsapp_business_api_data":
     * {"id","link","name"}}]}}, one entry per app; an app is named by its name, else its id.
     */
    static MetaWebhookSubscriptions.Subscribed subscribedApps(JsonNode root) {
        JsonNode data = root.get("data");
        if (!root.isObject() || data == null || !data.isArray()) {
            throw malformed("subscribed apps need a 'data' array");
        }
        List<String> apps = new ArrayList<>(data.size());
        for (JsonNode entry : data) {
            JsonNode app = entry.path("whatsapp_business_api_data");
            String name = MetaJson.text(app.get("name"));
            String id = MetaJson.text(app.get("id"));
            apps.add(name != null ? GraphErrors.shorten(name) : id != null ? GraphErrors.shorten(id) : "an unnamed app");
        }
        return new MetaWebhookSubscriptions.Subscribed(apps);
    }

    /** {@code GET /{WABA_ID}/message_templates}: {@code data}, {@code paging}, {@code summary}. */
    static MetaTemplatePage page(JsonNode root) {
        if (!root.isObject()) {
            throw malformed("a template list must be a JSON object, was " + root.getNodeType());
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed("a template list needs a 'data' array");
        }
        List<MetaTemplateView> templates = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            templates.add(template(data.get(i), "data[" + i + "]"));
        }
        // paging.next only says whether there is more: the cursor is asked for against the configured
        // base URL, so the token never goes to whatever host an answer names.
        JsonNode paging = root.path("paging");
        Optional<String> next = Optional.empty();
        if (MetaJson.text(paging.get("next")) != null) {
            String after = MetaJson.text(paging.path("cursors").get("after"));
            if (after == null) {
                throw malformed("the list says there is a next page but gives no 'after' cursor");
            }
            next = Optional.of(after);
        }
        JsonNode summary = root.path("summary");
        OptionalLong count = number(summary.get("message_template_count"));
        return new MetaTemplatePage(templates, next, count.isPresent() ? count : number(summary.get("total_count")),
                number(summary.get("message_template_limit")));
    }

    /** One template node, from a list or {@code GET /{TEMPLATE_ID}}. */
    static MetaTemplateView template(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw malformed(where + " must be a JSON object");
        }
        String id = MetaJson.text(node.get("id"));
        if (id == null) {
            throw malformed(where + " has no 'id'");
        }
        MetaTemplateId metaId;
        try {
            metaId = new MetaTemplateId(id);
        } catch (InvalidValue e) {
            throw malformed(where + ": " + e.getMessage());
        }
        String status = text(node, "status", where);
        if (status == null) {
            throw malformed(where + " (template " + metaId + ") has no 'status'");
        }
        String category = text(node, "category", where);
        JsonNode quality = node.get("quality_score");
        String score = quality != null && quality.isObject() ? MetaJson.text(quality.get("score")) : MetaJson.text(quality);
        return new MetaTemplateView(metaId, text(node, "name", where), text(node, "language", where),
                MetaVocabulary.statusEvent(status), MetaVocabulary.category(category), category,
                MetaVocabulary.quality(score), MetaVocabulary.reason(text(node, "rejected_reason", where)));
    }

    /** A text field that may be kept: PostgreSQL refuses NUL in text, and no real name or status holds one. */
    private static String text(JsonNode node, String field, String where) {
        String text = MetaJson.text(node.get(field));
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw malformed(where + ": '" + field + "' holds a NUL character");
        }
        return text;
    }

    /** A count of the summary; one that is not a count (not a number, or negative) is no count at all. */
    private static OptionalLong number(JsonNode node) {
        String text = MetaJson.text(node);
        try {
            long value = text == null ? -1 : Long.parseLong(text);
            return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static MetaCallFailed malformed(String what) {
        return new MetaCallFailed(MetaCallFailed.Kind.MALFORMED_RESPONSE, GraphErrors.shorten(what));
    }
}
