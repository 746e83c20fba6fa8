package dev.warden.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTicketsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final EventTickets tickets = new EventTickets(key('k'));
    private final Actor admin = new Actor("org_admin_1", Role.ORG_ADMIN,
            Optional.of(new OrganizationId(UUID.fromString("7f4b3c2a-1111-4222-8333-944455566677"))));

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void a_ticket_names_its_actor_until_it_expires_thirty_seconds_later() {
        EventTickets.Ticket ticket = tickets.issue(admin, NOW);

        assertThat(ticket.expiresAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(tickets.verify(ticket.value(), NOW.plusSeconds(29))).contains(admin);
        assertThat(tickets.verify(ticket.value(), NOW.plusSeconds(30))).isEmpty();
        Actor superAdmin = new Actor("root", Role.SUPER_ADMIN, Optional.empty());
        assertThat(tickets.verify(tickets.issue(superAdmin, NOW).value(), NOW)).contains(superAdmin);
    }

    @Test
    void a_ticket_of_another_key_or_with_any_character_changed_opens_nothing() {
        String ticket = tickets.issue(admin, NOW).value();

        assertThat(new EventTickets(key('x')).verify(ticket, NOW)).isEmpty();
        // Every position, every printable character: the last one of the MAC too, whose spare bits a
        // base64 decoder would ignore.
        for (int at = 0; at < ticket.length(); at++) {
            for (char c = 33; c < 127; c++) {
                if (ticket.charAt(at) != c) {
                    String changed = ticket.substring(0, at) + c + ticket.substring(at + 1);
                    assertThat(tickets.verify(changed, NOW)).as(changed).isEmpty();
                }
            }
        }
    }

    @Test
    void a_role_raised_inside_a_ticket_breaks_its_signature() {
        String[] parts = tickets.issue(admin, NOW).value().split("\\.");
        parts[2] = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("SUPER_ADMIN".getBytes(StandardCharsets.UTF_8));

        assertThat(tickets.verify(String.join(".", parts), NOW)).isEmpty();
    }

    @Test
    void any_text_is_refused_without_an_exception() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 300))
                .checkAssert(text -> assertThat(tickets.verify(text, NOW)).isEmpty());
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40), integers().between(0, 7))
                .checkAssert((text, dots) -> assertThat(tickets.verify("v1" + ".".repeat(dots) + text, NOW)).isEmpty());
        assertThat(tickets.verify(null, NOW)).isEmpty();
        assertThat(tickets.verify("v1." + "A".repeat(2000), NOW)).isEmpty();
    }
}
