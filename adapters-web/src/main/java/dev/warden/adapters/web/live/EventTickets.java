package dev.warden.adapters.web.live;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tickets that open the live events socket: a browser cannot put an Authorization header
 * on a WebSocket upgrade, so it asks for a ticket with its token and passes the ticket in the URL.
 * A ticket is not a JWT and is signed with a key of its own (kept in the shared database, so any
 * instance accepts a ticket any other issued): seen in a log or a proxy's URL, it opens the event
 * stream for {@link #VALIDITY} and no API route at all.
 *
 * <p>Format: {@code v1.<expiry>.<role>.<organisation>.<username>.<mac>}, each part base64url, the MAC
 * an HMAC-SHA256 of everything before it.
 */
public final class EventTickets {

    static final Duration VALIDITY = Duration.ofSeconds(30);
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 1024;

    private final SecretKeySpec key;

    public EventTickets(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an event ticket key needs at least 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A ticket with the rights of {@code actor}, for {@link #VALIDITY} from {@code now}. */
    public record Ticket(String value, Instant expiresAt) {
    }

    public Ticket issue(Actor actor, Instant now) {
        Instant expiresAt = now.plus(VALIDITY);
        String signed = String.join(".", VERSION, part(Long.toString(expiresAt.getEpochSecond())),
                part(actor.role().name()), part(actor.organizationId().map(OrganizationId::toString).orElse("")),
                part(actor.username()));
        return new Ticket(signed + "." + ENCODER.encodeToString(mac(signed)), expiresAt);
    }

    /** The actor a ticket speaks for, when it is well formed, signed with this key and not expired at {@code now}. */
    public Optional<Actor> verify(String ticket, Instant now) {
        if (ticket == null || ticket.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = ticket.split("\\.", -1);
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            String signed = ticket.substring(0, ticket.lastIndexOf('.'));
            // Compared as text, not decoded: a decoder ignores the spare bits of the last character, so
            // several spellings decode to one MAC, and a ticket has exactly one.
            if (!MessageDigest.isEqual(ENCODER.encodeToString(mac(signed)).getBytes(StandardCharsets.US_ASCII),
                    parts[5].getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(text(parts[1])));
            if (!now.isBefore(expiresAt)) {
                return Optional.empty();
            }
            String organization = text(parts[3]);
            return Optional.of(new Actor(text(parts[4]), Role.parse(text(parts[2])),
                    organization.isEmpty() ? Optional.empty() : Optional.of(OrganizationId.parse(organization))));
        } catch (IllegalArgumentException refused) {
            // A signed ticket always parses; this is a key holder's defect, refused like any bad ticket.
            return Optional.empty();
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String part(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String part) {
        return new String(DECODER.decode(part), StandardCharsets.UTF_8);
    }
}
