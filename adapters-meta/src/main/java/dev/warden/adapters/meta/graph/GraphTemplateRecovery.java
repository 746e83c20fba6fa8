package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import dev.warden.application.port.out.MetaTemplateRecovery;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.MetaTemplateId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Graph API's unpause ({@code POST /{TEMPLATE_ID}/unpause}, answered {@code {"success":true}}) and
 * unarchive ({@code POST /{WABA_ID}/message_templates/unarchive} with {@code hsm_ids}, answered
 * {@code {"unarchived_templates":[...],"failed_templates":{id: reason}}}; meta-platform.md §12 names the
 * list {@code archived_templates}, as the archive call's answer does, so either is read).
 */
public final class GraphTemplateRecovery implements MetaTemplateRecovery {

    /** Meta takes at most this many ids in one unarchive. */
    static final int MAX_IDS = 100;

    private final GraphHttp http;

    public GraphTemplateRecovery(GraphHttp http) {
        this.http = http;
    }

    @Override
    public boolean configured() {
        return http.settings().hasToken();
    }

    @Override
    public void unpause(WabaId wabaId, MetaTemplateId id) {
        GraphHttp.Answer answer = http.post(wabaId, "/" + id.value() + "/unpause", null);
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know template " + id);
        }
        if (!"true".equals(MetaJson.text(answer.body().get("success")))) {
            String reason = MetaJson.text(answer.body().get("reason"));
            throw new MetaCallFailed(reason == null ? Kind.MALFORMED_RESPONSE : Kind.REFUSED,
                    "Meta did not unpause template " + id + (reason == null ? "" : ": " + GraphErrors.shorten(reason)));
        }
    }

    @Override
    public Unarchived unarchive(WabaId wabaId, List<MetaTemplateId> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("Meta unarchives 1 to " + MAX_IDS + " templates at once, not "
                    + ids.size());
        }
        ObjectNode body = MetaJson.MAPPER.createObjectNode();
        ids.forEach(id -> body.withArray("hsm_ids").add(id.value()));
        GraphHttp.Answer answer = http.post(wabaId, "/" + wabaId.value() + "/message_templates/unarchive",
                bytes(body));
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know WABA " + wabaId + " (or the token cannot see it)");
        }
        return unarchived(answer.body());
    }

    /** Meta's per-template answer; an id that is not Meta's makes the whole answer malformed. */
    static Unarchived unarchived(JsonNode body) {
        Set<MetaTemplateId> restored = new HashSet<>();
        for (String list : List.of("unarchived_templates", "archived_templates")) {
            JsonNode ids = body.get(list);
            if (ids != null && ids.isArray()) {
                ids.forEach(id -> restored.add(id(MetaJson.text(id))));
            }
        }
        Map<MetaTemplateId, String> failed = new HashMap<>();
        JsonNode failures = body.get("failed_templates");
        if (failures != null && failures.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = failures.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> failure = it.next();
                JsonNode reason = failure.getValue();
                failed.put(id(failure.getKey()), GraphErrors.shorten(reason.isValueNode() ? reason.asText()
                        : reason.toString()));
            }
        }
        return new Unarchived(restored, failed);
    }

    private static MetaTemplateId id(String value) {
        try {
            return new MetaTemplateId(value == null ? "" : value);
        } catch (InvalidValue e) {
            throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta's unarchive answer names a template id that "
                    + "is not Meta's: " + (value == null ? "nothing" : GraphErrors.shorten(value)));
        }
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return MetaJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of ids always serialises", e);
        }
    }
}
