package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.TranslatedChange.MarketingPreference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code user_preferences} field (meta-platform.md §12): a user stopped or resumed marketing
 * messages from the business — {@code user_preferences[]} entries with {@code category:
 * marketing_messages}, {@code value: stop|resume}, the user's {@code wa_id} (or, for a user with a
 * username, the business-scoped {@code user_id}) and a {@code timestamp}. Other categories and
 * values are not Warden's to act on.
 */
final class UserPreferencesTranslation {

    private UserPreferencesTranslation() {
    }

    static TranslatedChange translate(JsonNode value) {
        List<MarketingPreference> preferences = new ArrayList<>();
        for (JsonNode preference : value.path("user_preferences")) {
            if (!"marketing_messages".equals(MetaJson.text(preference.get("category")))) {
                continue;
            }
            String choice = MetaJson.text(preference.get("value"));
            String contact = contact(preference);
            Instant at = MetaJson.epoch(preference.get("timestamp"));
            if (contact != null && at != null && ("stop".equals(choice) || "resume".equals(choice))) {
                preferences.add(new MarketingPreference(contact, "stop".equals(choice), at));
            }
        }
        if (preferences.isEmpty()) {
            return new TranslatedChange.Ignored("user_preferences change without a marketing stop or resume");
        }
        return new TranslatedChange.PreferenceUpdate(preferences);
    }

    /** The phone number's digits, as the block lists key them, or the business-scoped user id. */
    private static String contact(JsonNode preference) {
        String waId = MetaJson.text(preference.get("wa_id"));
        if (waId != null && waId.matches("[0-9]{1,32}")) {
            return waId;
        }
        String userId = MetaJson.text(preference.get("user_id"));
        return userId != null && userId.matches("[A-Z]{2}\\.[0-9]{1,64}") ? userId : null;
    }
}
