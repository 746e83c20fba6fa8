package dev.warden.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

/** What a caller's X-Request-Id may put into Warden's logs and response headers: only a short safe token. */
class RequestIdTest {

    private static final String SAFE = "[A-Za-z0-9._-]{1,64}";

    @Test
    void whatever_a_caller_sends_the_id_is_a_short_safe_token() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(offered ->
                assertThat(RequestId.accept(offered)).matches(SAFE));
    }

    @Test
    void a_safe_token_is_kept_so_lines_correlate_across_hops() {
        qt().forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(1, 64)).checkAssert(offered -> {
            if (offered.matches(SAFE)) {
                assertThat(RequestId.accept(offered)).isEqualTo(offered);
            } else {
                assertThat(RequestId.accept(offered)).isNotEqualTo(offered);
            }
        });
    }

    @Test
    void examples() {
        assertThat(RequestId.accept("9f1c2d3e-0000-4a5b-8c7d-0123456789ab")).isEqualTo("9f1c2d3e-0000-4a5b-8c7d-0123456789ab");
        assertThat(RequestId.accept("Root=1-67891233-abcdef012345678912345678")).as("'=' is not safe").matches(SAFE)
                .isNotEqualTo("Root=1-67891233-abcdef012345678912345678");
        assertThat(RequestId.accept("abc\r\nSet-Cookie: x=1")).doesNotContain("\n", "Set-Cookie");
        assertThat(RequestId.accept("")).matches(SAFE);
        assertThat(RequestId.accept(null)).matches(SAFE);
        assertThat(RequestId.accept("a".repeat(65))).hasSize(36);
        assertThat(RequestId.accept("a".repeat(64))).isEqualTo("a".repeat(64));
    }
}
