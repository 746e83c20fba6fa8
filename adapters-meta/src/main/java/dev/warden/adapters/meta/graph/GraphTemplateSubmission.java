package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.adapters.meta.webhook.MetaVocabulary;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.content.TemplateContent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The Graph API's template create, edit and delete (§5.2-5.4), over the reader's {@link GraphHttp}. */
public final class GraphTemplateSubmission implements MetaTemplateSubmission {

    private final GraphHttp http;

    public GraphTemplateSubmission(GraphHttp http) {
        this.http = http;
    }

    @Override
    public boolean configured() {
        return http.settings().hasToken();
    }

    @Override
    public Submitted create(WabaId wabaId, TemplateName name, LanguageCode language, TemplateCategory category,
                            TemplateContent content) {
        GraphHttp.Answer answer = http.post(wabaId, "/" + wabaId.value() + "/message_templates",
                GraphTemplateBody.create(name, language, category, content));
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know WABA " + wabaId + " (or the token cannot see it)");
        }
        return submitted(answer.body(), category);
    }

    @Override
    public void edit(WabaId wabaId, MetaTemplateId id, Optional<TemplateCategory> category, TemplateContent content) {
        GraphHttp.Answer answer = http.post(wabaId, "/" + id.value(), GraphTemplateBody.edit(category, content));
        requireSuccess(answer, "template " + id);
    }

    @Override
    public void delete(WabaId wabaId, MetaTemplateId id, TemplateName name) {
        GraphHttp.Answer answer = http.delete(wabaId, "/" + wabaId.value() + "/message_templates?hsm_id="
                + encode(id.value()) + "&name=" + encode(name.value()));
        requireSuccess(answer, "template " + id + " (" + name + ")");
    }

    /** {@code {"id","status","category"}}; the id read as text, never as a number. */
    private static Submitted submitted(JsonNode body, TemplateCategory asked) {
        String id = MetaJson.text(body.get("id"));
        if (id == null) {
            throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta accepted the template but named no id");
        }
        StatusEvent status = MetaVocabulary.statusEvent(MetaJson.text(body.get("status")));
        if (!(status instanceof StatusEvent.Moved known)) {
            throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta accepted template " + id
                    + " with a status Warden does not know: " + MetaJson.text(body.get("status")));
        }
        TemplateCategory category = MetaVocabulary.category(MetaJson.text(body.get("category")));
        try {
            return new Submitted(new MetaTemplateId(id), known.status(),
                    category == null || category == TemplateCategory.UNKNOWN ? asked : category);
        } catch (InvalidValue e) {
            throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta accepted the template with an id that is not "
                    + "Meta's: " + GraphErrors.shorten(id));
        }
    }

    private static void requireSuccess(GraphHttp.Answer answer, String what) {
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know " + what);
        }
        if (!"true".equals(MetaJson.text(answer.body().get("success")))) {
            throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta answered without success for " + what);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
