package dev.warden.adapters.meta.graph;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.MetaWebhookSubscriptions;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Graph API's template list and template reads ({@link GraphHttp} tries them again when Meta is
 * rate-limiting or unavailable, and stops after a refused token).
 */
public final class GraphTemplateCatalog implements MetaTemplateCatalog, MetaWebhookSubscriptions {

    /**
     * What reconciliation compares (§5.1). Components are not asked for: content is not reconciled,
     * and they are most of a page's size.
     */
    static final String FIELDS = "id,name,language,status,category,quality_score,rejected_reason,"
            + "parameter_format,previous_category,correct_category,sub_category,library_template_name";
    private static final String SUMMARY = "total_count,message_template_count,message_template_limit";

    private final GraphSettings settings;
    private final GraphHttp http;

    public GraphTemplateCatalog(GraphSettings settings) {
        this(new GraphHttp(settings));
    }

    /** A reader sharing its calls (and what it learnt of refused tokens) with the writer. */
    public GraphTemplateCatalog(GraphHttp http) {
        this.settings = http.settings();
        this.http = http;
    }

    @Override
    public boolean configured() {
        return settings.hasToken();
    }

    @Override
    public MetaTemplatePage page(WabaId wabaId, String after) {
        String query = "fields=" + encode(FIELDS) + "&limit=" + settings.pageSize() + "&summary=" + encode(SUMMARY)
                + (after == null ? "" : "&after=" + encode(after));
        GraphHttp.Answer answer = http.get(wabaId, "/" + wabaId.value() + "/message_templates?" + query);
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know WABA " + wabaId + " (or the token cannot see it)");
        }
        return GraphTemplateReader.page(answer.body());
    }

    @Override
    public Optional<MetaTemplateView> template(WabaId wabaId, MetaTemplateId id) {
        GraphHttp.Answer answer = http.get(wabaId, "/" + id.value() + "?fields=" + encode(FIELDS));
        if (answer.missing()) {
            return Optional.empty();
        }
        return Optional.of(GraphTemplateReader.template(answer.body(), "template " + id));
    }

    @Override
    public Subscribed subscribedApps(WabaId wabaId) {
        GraphHttp.Answer answer = http.get(wabaId, "/" + wabaId.value() + "/subscribed_apps");
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know WABA " + wabaId + " (or the token cannot see it)");
        }
        return GraphTemplateReader.subscribedApps(answer.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
