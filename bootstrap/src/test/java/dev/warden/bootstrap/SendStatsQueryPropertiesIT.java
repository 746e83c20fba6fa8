package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.LoopbackCaller.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@code GET /api/v1/notifications/stats} with arbitrary {@code from} and {@code to}: a period of real
 * dates, in order and at most 92 days, is a 200; anything else a 400 problem; never a 5xx.
 */
@MicronautTest(transactional = false)
class SendStatsQueryPropertiesIT extends ApiTest {

    private static final LocalDate BASE = LocalDate.parse("2026-12-01");

    /** Dates near each other (most periods valid, some reversed, some too long), and junk. */
    private static final Gen<String> VALUE = Generate.frequency(
            Pair.of(5, integers().between(-200, 200).map(days -> BASE.plusDays(days).toString())),
            Pair.of(1, Generate.pick(List.of("", " ", "2026-02-30", "2026-13-01", "0000-01-01", "+999999999-12-31",
                    "-999999999-01-01", "9999-12-31", "9999-12-30", "9999-12-25", "2000-01-01", "2000-01-06", "1999-12-31", "2026-12-01T00:00:00Z", "12/01/2026", "today", "\u0000", "%00",
                    "x".repeat(1500)))),
            Pair.of(1, strings().allPossible().ofLengthBetween(0, 30)));

    @Inject
    EmbeddedServer server;

    @Test
    void any_period_gets_a_200_or_a_400_problem_never_a_5xx() {
        SendingTenant tenant = new SendingTenant(api, root);
        qt().withExamples(250).forAll(VALUE, VALUE).checkAssert((from, to) -> {
            Answer answer = new LoopbackCaller("127.0.4.2", server.getPort()).get("/api/v1/notifications/stats?from="
                    + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to="
                    + URLEncoder.encode(to, StandardCharsets.UTF_8), tenant.viewer);
            assertThat(answer.status()).as(answer.toString()).isIn(200, 400);
            assertThat(answer.status()).as(from + " .. " + to + ": " + answer).isEqualTo(valid(from, to) ? 200 : 400);
            if (answer.status() == 400) {
                assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            }
        });
    }

    private static boolean outside(LocalDate date) {
        return date.isBefore(LocalDate.of(2000, 1, 1)) || date.isAfter(LocalDate.of(9999, 12, 30));
    }

    /** The rule as the API documents it; a blank end is filled in, 7 days from the other one (or today). */
    private static boolean valid(String from, String to) {
        try {
            LocalDate start = from.isBlank() ? null : LocalDate.parse(from.strip());
            LocalDate end = to.isBlank() ? null : LocalDate.parse(to.strip());
            if (start != null && outside(start) || end != null && outside(end)) {
                return false;
            }
            if (start == null && end == null) {
                return true;
            }
            LocalDate first = start != null ? start : end.minusDays(6);
            LocalDate last = end != null ? end : start.plusDays(6);
            return !outside(first) && !outside(last) && !first.isAfter(last)
                    && ChronoUnit.DAYS.between(first, last) < 92;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
