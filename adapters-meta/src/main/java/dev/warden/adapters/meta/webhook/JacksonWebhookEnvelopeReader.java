package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Webhook adapter: Meta's envelope {@code {object, entry[{id, time, changes[{field, value}]}]}}.
 * Every change of every entry becomes its own inbox row. Meta sends no event id, so the key is a
 * SHA-256 of (object, WABA, field, entry time, value with sorted keys; a time that is not a number Warden can read
 * goes in as its JSON text, or that text's own SHA-256 when longer than 64 characters): a redelivered change gets
 * the same key whether it comes alone or in another batch.
 */
@Singleton
final class JacksonWebhookEnvelopeReader implements WebhookEnvelopeReader {

    /**
     * Most changes one delivery may carry: ten times the 1,000 updates Meta batches at most. A signed body of 4 MB can
     * hold two million empty changes, each an inbox row, with its key, in the writer's memory and its group's insert:
     * such a delivery is kept whole as malformed instead, before one change of it is built.
     */
    static final int MAX_CHANGES = 10_000;

    @Override
    public List<NewInboxChange> split(byte[] body) {
        JsonNode root = MetaJson.read(body);
        long count = 0;
        for (JsonNode entry : root.path("entry")) {
            count += entry.path("changes").size();
        }
        if (count > MAX_CHANGES) {
            throw new MalformedPayload("the delivery has " + count + " changes, more than the " + MAX_CHANGES
                    + " Warden takes in one (Meta sends at most 1,000)");
        }
        List<NewInboxChange> changes = new ArrayList<>((int) count);
        String object = MetaJson.text(root.get("object"));
        MessageDigest bodyKey = null;
        for (JsonNode entry : root.path("entry")) {
            String wabaId = MetaJson.text(entry.get("id"));
            JsonNode timeNode = entry.get("time");
            Instant time = MetaJson.epoch(timeNode);
            // A time given but not readable as one Warden can store: the change cannot be ordered, so it is kept
            // as a stand-in (a dead letter later) rather than applied as if it had no time.
            String unreadableTime = time != null || timeNode == null || timeNode.isNull() ? null
                    : MetaJson.canonical(timeNode);
            String keyTime = unreadableTime != null ? keyed(unreadableTime)
                    : time == null ? null : String.valueOf(time.getEpochSecond());
            MessageDigest entryKey = null;
            for (JsonNode change : entry.path("changes")) {
                if (entryKey == null) {
                    bodyKey = bodyKey == null ? keyStart(object) : bodyKey;
                    entryKey = copied(bodyKey, wabaId);
                }
                String field = MetaJson.text(change.get("field"));
                String value = MetaJson.canonical(change.path("value").isMissingNode()
                        ? MetaJson.MAPPER.nullNode() : change.get("value"));
                String key = key(entryKey, field, keyTime, value);
                NewInboxChange split = new NewInboxChange(key, object, wabaId, field, time, value);
                changes.add(unreadableTime == null ? split : split.unstorable(
                        "entry.time " + abbreviated(unreadableTime) + " is not a Unix time in the years 1 to 9999"));
            }
        }
        return changes;
    }

    /**
     * An unreadable time as it goes into each change's key: itself up to 64 characters, beyond that its SHA-256 (still
     * one key per text), so that a time of a few MB is not hashed again for each of thousands of changes.
     */
    private static String keyed(String unreadableTime) {
        if (unreadableTime.length() <= 64) {
            return unreadableTime;
        }
        return "sha256:" + HexFormat.of().formatHex(keyStart(unreadableTime).digest());
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * A change's key is SHA-256 over its object, WABA id, field, time and value, each but the last followed by a zero
     * byte. The body's object is hashed once, and each entry's WABA id once, when the entry has a change; the digest
     * is copied from there: hashed anew per change, an object or entry.id of a few MB over thousands of changes would
     * be gigabytes of hashing.
     */
    private static MessageDigest keyStart(String object) {
        try {
            return copied(MessageDigest.getInstance("SHA-256"), object);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String key(MessageDigest entryKey, String field, String time, String value) {
        MessageDigest sha256 = copied(copied(entryKey, field), time);
        sha256.update(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** A copy of {@code digest} that has also taken {@code part} and the zero byte after it. */
    private static MessageDigest copied(MessageDigest digest, String part) {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            copy.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            copy.update((byte) 0);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be copied", e);
        }
    }
}
