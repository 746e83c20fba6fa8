package dev.warden.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A change split out of a delivery, keyed by a hash of its content: Meta sends no event id, so
 * the same change in a redelivery, alone or in another batch, gets the same key.
 */
public record NewInboxChange(String idempotencyKey, String objectType, String wabaId, String field,
                             Instant entryTime, String value) {

    /**
     * The only key of the value that stands in for a change the inbox cannot hold as received
     * (see {@link #unstorable}); a {@link MetaChangeTranslator} refuses such a value as malformed.
     */
    public static final String UNSTORABLE = "warden_unstorable";

    /**
     * The most of the object, WABA id and field a stand-in repeats: every change of an entry carries the body's
     * object and the entry's id, so a huge entry.id (a few MB within the body's limit) would be copied once per
     * change, thousands of times. A clipped text ends with its original length; the delivery's bytes keep it whole.
     */
    public static final int MAX_REPEATED_TEXT = 1_000;

    public NewInboxChange {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(value, "value");
    }

    /**
     * This change in a form every inbox can hold, for a change it cannot hold as received (a time
     * the database cannot store, a text too long for its column, a NUL character jsonb refuses):
     * the time is cleared and the value becomes
     * {@code {"warden_unstorable": {"reason", "objectType", "wabaId", "field", "value"}}}, with the
     * original texts escaped inside it (the object, WABA id and field clipped to {@value #MAX_REPEATED_TEXT}
     * characters). It keeps its key, so a redelivery is still a duplicate, and
     * its WABA and field (a store clears those it cannot hold), so it is routed and processed like
     * any other change: the translator refuses it and the workers keep it as a dead letter whose
     * error names the reason (or as unroutable, when its WABA id was too long to store). (The
     * delivery's bytes keep the original too.)
     */
    public NewInboxChange unstorable(String reason) {
        String standIn = "{\"" + UNSTORABLE + "\":{\"reason\":" + jsonText(reason)
                + ",\"objectType\":" + jsonText(clipped(objectType)) + ",\"wabaId\":" + jsonText(clipped(wabaId))
                + ",\"field\":" + jsonText(clipped(field)) + ",\"value\":" + jsonText(value) + "}}";
        return new NewInboxChange(idempotencyKey, objectType, wabaId, field, null, standIn);
    }

    private static String clipped(String text) {
        return text == null || text.length() <= MAX_REPEATED_TEXT ? text
                : text.substring(0, MAX_REPEATED_TEXT) + "... (" + text.length() + " characters)";
    }

    /** A JSON string of any text; NUL, which jsonb refuses even escaped, is written as the six characters \u0000. */
    private static String jsonText(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c == 0) {
                json.append("\\\\u0000");
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                json.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                json.append('\ufffd'); // a lone surrogate is no character at all; jsonb refuses it
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
