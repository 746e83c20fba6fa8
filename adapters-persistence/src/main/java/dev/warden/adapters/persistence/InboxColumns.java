package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_DELIVERIES;

import dev.warden.application.port.out.NewInboxChange;
import java.time.Instant;
import org.jooq.Field;

/**
 * What PostgreSQL refuses in the inbox's columns, checked before the insert: text longer than its
 * varchar, a NUL character (no PostgreSQL text holds one, jsonb not even escaped), a time outside
 * the years 1 to 9999. A change that does not fit is replaced by its stand-in, so one odd change
 * is kept (and ends as a dead letter) instead of failing its delivery and every delivery
 * committed with it.
 */
final class InboxColumns {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private InboxColumns() {
    }

    static NewInboxChange fit(NewInboxChange change) {
        String problem = textProblem("object", change.objectType(), WEBHOOK_CHANGES.OBJECT_TYPE);
        if (problem == null) {
            problem = textProblem("entry.id", change.wabaId(), WEBHOOK_CHANGES.WABA_ID);
        }
        if (problem == null) {
            problem = textProblem("field", change.field(), WEBHOOK_CHANGES.FIELD);
        }
        if (problem == null && change.entryTime() != null
                && (change.entryTime().isBefore(EARLIEST) || change.entryTime().isAfter(LATEST))) {
            problem = "entry.time " + change.entryTime().getEpochSecond() + " s is outside the years 1 to 9999";
        }
        if (problem == null && hasNul(change.value())) {
            problem = "the value holds a NUL character (\\u0000), which PostgreSQL's jsonb cannot store";
        }
        if (problem == null) {
            return change;
        }
        NewInboxChange standIn = change.unstorable(problem);
        // The stand-in keeps what fits, so it is still routed to its organisation; what does not fit is in its value.
        return new NewInboxChange(standIn.idempotencyKey(), fitting(standIn.objectType(), WEBHOOK_CHANGES.OBJECT_TYPE),
                fitting(standIn.wabaId(), WEBHOOK_CHANGES.WABA_ID), fitting(standIn.field(), WEBHOOK_CHANGES.FIELD),
                null, standIn.value());
    }

    private static String fitting(String text, Field<String> column) {
        return textProblem("", text, column) == null ? text : null;
    }

    /** The signature header as the column holds it (Warden checked it already; it is kept for inspection). */
    static String signature(String signature) {
        return clip(reason(signature), WEBHOOK_DELIVERIES.SIGNATURE.getDataType().length());
    }

    /** Why a delivery is malformed, as a text column holds it. */
    static String reason(String reason) {
        return reason == null ? null : reason.replace('\0', '\ufffd');
    }

    private static String textProblem(String name, String text, Field<String> column) {
        if (text == null) {
            return null;
        }
        int max = column.getDataType().length();
        if (text.length() > max) {
            return name + " is " + text.length() + " characters long; Warden keeps at most " + max;
        }
        return text.indexOf('\0') >= 0 ? name + " holds a NUL character" : null;
    }

    /** A NUL in the JSON text: raw, or escaped as {@code \u0000} (an escape, not an escaped backslash before "u0000"). */
    private static boolean hasNul(String json) {
        if (json.indexOf('\0') >= 0) {
            return true;
        }
        for (int at = json.indexOf("u0000"); at >= 0; at = json.indexOf("u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
