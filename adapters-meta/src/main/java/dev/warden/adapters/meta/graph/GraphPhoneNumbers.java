package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.domain.organization.WabaId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /{WABA_ID}/phone_numbers?fields=id}, followed page by page ({@code paging.cursors.after}
 * while {@code paging.next} is present). A confirmed pair is remembered for {@link #REMEMBERED} so a
 * stream of free-form texts does not cost a Graph call each; a refusal is never remembered, so a number
 * just added to the WABA is accepted at once.
 */
public final class GraphPhoneNumbers implements WabaPhoneNumbers {

    static final Duration REMEMBERED = Duration.ofMinutes(10);
    /** A WABA has at most a few dozen numbers; past this many pages the answer is not trusted. */
    private static final int MAX_PAGES = 20;

    private final GraphHttp http;
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();

    public GraphPhoneNumbers(GraphHttp http) {
        this.http = http;
    }

    @Override
    public boolean belongs(WabaId wabaId, String phoneNumberId) {
        String key = wabaId.value() + "/" + phoneNumberId;
        Long until = confirmed.get(key);
        long now = System.nanoTime();
        if (until != null && now - until < 0) {
            return true;
        }
        boolean found = listed(wabaId, phoneNumberId);
        if (found) {
            confirmed.put(key, now + REMEMBERED.toNanos());
        } else {
            confirmed.remove(key);
        }
        return found;
    }

    private boolean listed(WabaId wabaId, String phoneNumberId) {
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GraphHttp.Answer answer = http.get(wabaId, "/" + wabaId.value() + "/phone_numbers?fields=id&limit=100"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            if (answer.missing()) {
                return false;
            }
            JsonNode data = answer.body().get("data");
            if (data == null || !data.isArray()) {
                throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta's list of WABA " + wabaId
                        + "'s phone numbers has no data");
            }
            for (JsonNode number : data) {
                if (phoneNumberId.equals(MetaJson.text(number.get("id")))) {
                    return true;
                }
            }
            JsonNode paging = answer.body().get("paging");
            after = paging == null || paging.get("next") == null || paging.get("cursors") == null ? null
                    : MetaJson.text(paging.get("cursors").get("after"));
            if (after == null) {
                return false;
            }
        }
        throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta's list of WABA " + wabaId
                + "'s phone numbers did not end after " + MAX_PAGES + " pages");
    }
}
