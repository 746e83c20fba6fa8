package dev.warden.adapters.meta.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

/** Meta's error codes (meta-platform.md §5.5) decide what Warden does, the HTTP status only without a code. */
class GraphErrorsTest {

    private static JsonNode error(int code) throws Exception {
        return MetaJson.MAPPER.readTree("""
                {"error":{"message":"(#%d) Something","type":"OAuthException","code":%d,"error_subcode":2494010,
                "error_data":{"messaging_product":"whatsapp","details":"d"},"fbtrace_id":"A"}}""".formatted(code, code));
    }

    @ParameterizedTest
    @CsvSource({"400,4,RATE_LIMITED", "400,80007,RATE_LIMITED", "400,80008,RATE_LIMITED", "400,80012,RATE_LIMITED",
            "401,190,ACCESS_DENIED", "403,10,ACCESS_DENIED", "403,200,ACCESS_DENIED", "403,299,ACCESS_DENIED",
            "400,100,REFUSED", "400,300,REFUSED", "500,1,UNAVAILABLE", "503,2,UNAVAILABLE"})
    void the_code_decides(int status, int code, Kind kind) throws Exception {
        assertThat(GraphErrors.of(status, error(code)).kind()).isEqualTo(kind);
        assertThat(GraphErrors.of(status, error(code)).getMessage()).contains(String.valueOf(code));
    }

    @Test
    void without_a_code_the_http_status_decides() {
        assertThat(GraphErrors.of(502, null).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(GraphErrors.of(429, null).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(GraphErrors.of(401, null).kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(GraphErrors.of(400, null).kind()).isEqualTo(Kind.REFUSED);
        assertThat(Kind.RATE_LIMITED.retryable()).isTrue();
        assertThat(Kind.UNAVAILABLE.retryable()).isTrue();
        assertThat(Kind.ACCESS_DENIED.retryable()).isFalse();
    }

    @Test
    void a_template_creation_refusal_names_the_rule_meta_applied() throws Exception {
        JsonNode body = MetaJson.MAPPER.readTree("""
                {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
                "error_subcode":2388299,"is_transient":false,"error_user_title":"Variables can't be at the start or end",
                "error_user_msg":"Move the variable.","fbtrace_id":"A"}}""");

        MetaCallFailed failed = GraphErrors.of(400, body);

        assertThat(failed.kind()).isEqualTo(Kind.REFUSED);
        assertThat(failed.getMessage()).contains("Meta refused the template")
                .contains("a variable at the very start or end of the text").contains("2388299")
                .contains("Move the variable.");
    }

    /** Tokens as Meta issues them ("EAA" and letters and digits) and as an operator may configure them. */
    private static final Gen<String> TOKENS = strings().betweenCodePoints('0', 'z').ofLengthBetween(20, 80)
            .map(tail -> "EAA" + tail.replaceAll("[^A-Za-z0-9]", "Q"));
    private static final Gen<String> CONFIGURED = strings().betweenCodePoints('!', '~').ofLengthBetween(8, 60)
            .map(tail -> "cfg" + tail.replace('"', 'x').replace('\\', 'x'));

    @Test
    void meta_s_words_never_carry_an_access_token() {
        qt().withExamples(200).forAll(TOKENS, CONFIGURED, integers().between(0, 3)).checkAssert((token, configured, i) -> {
            int code = new int[] {190, 100, 4, 131000}[i];
            JsonNode body = json("""
                    {"error":{"message":"Invalid OAuth access token - %s (also %s)","code":%d,
                    "error_subcode":2388299,"error_user_msg":"token %s","fbtrace_id":"A"}}""".formatted(
                    token, configured, code, token));
            MetaCallFailed failed = GraphErrors.of(401, body, configured);
            assertThat(failed.getMessage()).doesNotContain(token).doesNotContain(configured).contains("<token>");
            assertThat(GraphErrors.of(401, body).getMessage()).doesNotContain(token);
            assertThat(MetaSendErrors.refusal(400, body).error()).doesNotContain(token);
        });
    }

    @Test
    void a_message_without_a_token_is_kept_and_a_blank_configured_token_changes_nothing() throws Exception {
        JsonNode body = MetaJson.MAPPER.readTree("""
                {"error":{"message":"Invalid OAuth access token - Cannot parse access token","code":190}}""");
        assertThat(GraphErrors.of(401, body, "").getMessage()).endsWith("Invalid OAuth access token - Cannot parse access token");
        assertThat(GraphErrors.shorten("EAAshort stays, EAABwzLixnjYBO1234567890abcd goes"))
                .isEqualTo("EAAshort stays, <token> goes");
    }

    private static JsonNode json(String text) {
        try {
            return MetaJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
