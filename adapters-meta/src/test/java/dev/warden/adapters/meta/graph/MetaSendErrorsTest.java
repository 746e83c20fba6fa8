package dev.warden.adapters.meta.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendRefusal.Scope;
import dev.warden.domain.sending.SendResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every send error code of meta-platform.md §5.5 and §12, and what Warden makes of it: the refusal,
 * what it is about (recipient, template, account, this message) and whether a later try can pass.
 */
class MetaSendErrorsTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            // code, HTTP status, refusal, scope, retryable
            "4, 400, RATE_LIMITED, ACCOUNT, true",
            "80007, 400, RATE_LIMITED, ACCOUNT, true",
            "80008, 400, RATE_LIMITED, ACCOUNT, true",
            "80012, 400, RATE_LIMITED, ACCOUNT, true",
            "130429, 400, RATE_LIMITED, ACCOUNT, true",
            "131048, 400, RATE_LIMITED, ACCOUNT, true",
            "131056, 400, PAIR_RATE_LIMITED, RECIPIENT, true",
            "1, 500, TRANSIENT, MESSAGE, true",
            "2, 503, TRANSIENT, MESSAGE, true",
            "131000, 500, TRANSIENT, MESSAGE, true",
            "131016, 503, TRANSIENT, MESSAGE, true",
            "131057, 400, TRANSIENT, MESSAGE, true",
            "131049, 400, RECIPIENT_COOL_DOWN, RECIPIENT, false",
            "131026, 400, RECIPIENT_UNREACHABLE, RECIPIENT, false",
            "130472, 400, RECIPIENT_UNREACHABLE, RECIPIENT, false",
            "130497, 400, RECIPIENT_UNREACHABLE, RECIPIENT, false",
            "131050, 400, MARKETING_OPT_OUT, RECIPIENT, false",
            "131047, 400, WINDOW_CLOSED, RECIPIENT, false",
            "132000, 400, TEMPLATE_MISMATCH, TEMPLATE, false",
            "132001, 404, TEMPLATE_MISMATCH, TEMPLATE, false",
            "132007, 400, TEMPLATE_MISMATCH, TEMPLATE, false",
            "132012, 400, TEMPLATE_MISMATCH, TEMPLATE, false",
            "132018, 400, TEMPLATE_MISMATCH, TEMPLATE, false",
            "132015, 400, TEMPLATE_PAUSED, TEMPLATE, false",
            "132016, 400, TEMPLATE_DISABLED, TEMPLATE, false",
            "131031, 400, ACCOUNT_STOPPED, ACCOUNT, false",
            "131042, 400, ACCOUNT_STOPPED, ACCOUNT, false",
            "0, 401, ACCOUNT_REFUSED, ACCOUNT, false",
            "3, 403, ACCOUNT_REFUSED, ACCOUNT, false",
            "10, 403, ACCOUNT_REFUSED, ACCOUNT, false",
            "190, 401, ACCOUNT_REFUSED, ACCOUNT, false",
            "200, 403, ACCOUNT_REFUSED, ACCOUNT, false",
            "299, 403, ACCOUNT_REFUSED, ACCOUNT, false",
            "368, 403, ACCOUNT_REFUSED, ACCOUNT, false",
            "133010, 400, ACCOUNT_REFUSED, ACCOUNT, false",
            "134100, 400, ACCOUNT_REFUSED, ACCOUNT, false",
            "134101, 400, ACCOUNT_REFUSED, ACCOUNT, false",
            "134102, 400, ACCOUNT_REFUSED, ACCOUNT, false",
            "132005, 400, MESSAGE_REFUSED, MESSAGE, false",
            "100, 400, MESSAGE_REFUSED, MESSAGE, false",
            // Not in the table: Graph's own reading decides (a 5xx may pass, anything else is this message's).
            "999999, 500, TRANSIENT, MESSAGE, true",
            "999999, 400, MESSAGE_REFUSED, MESSAGE, false",
    })
    void each_code_has_its_refusal_scope_and_retry(int code, int status, SendRefusal refusal, Scope scope,
                                                   boolean retryable) {
        SendResult.Refused refused = MetaSendErrors.refusal(status, error(code, null));

        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refusal.scope()).isEqualTo(scope);
        assertThat(refusal.retryable()).isEqualTo(retryable);
        assertThat(refused.error()).contains(Integer.toString(code)).contains("details of " + code);
        assertThat(refused.notBefore()).isEqualTo(code == 131056 ? Optional.of(Duration.ofSeconds(6))
                : Optional.empty());
    }

    @ParameterizedTest(name = "HTTP {0} without a code -> {1}")
    @CsvSource({"404, ACCOUNT_REFUSED", "429, RATE_LIMITED", "503, TRANSIENT", "401, ACCOUNT_REFUSED",
            "400, MESSAGE_REFUSED"})
    void an_answer_without_a_code_is_read_from_its_status(int status, SendRefusal refusal) {
        assertThat(MetaSendErrors.refusal(status, null).refusal()).isEqualTo(refusal);
    }

    @org.junit.jupiter.api.Test
    void an_unknown_sending_number_is_the_account_s_problem() {
        assertThat(MetaSendErrors.refusal(400, error(100, "33")).refusal()).isEqualTo(SendRefusal.ACCOUNT_REFUSED);
    }

    private static JsonNode error(int code, String subcode) {
        var error = MetaJson.MAPPER.createObjectNode().put("message", "(#" + code + ") refused")
                .put("type", "OAuthException").put("code", code);
        if (subcode != null) {
            error.put("error_subcode", Integer.parseInt(subcode));
        }
        error.putObject("error_data").put("messaging_product", "whatsapp").put("details", "details of " + code);
        var root = MetaJson.MAPPER.createObjectNode();
        root.set("error", error);
        return root;
    }
}
