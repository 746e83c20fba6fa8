package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.bootstrap.RawHttp.Answer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Only a token Warden signed, still valid, gets in: expired, tampered, foreign-key and unsigned ({@code alg: none})
 * tokens are 401. And a failed login says nothing about whether the username exists.
 */
@MicronautTest(transactional = false)
class TokenSecurityIT extends ApiTest {

    static final String JWT_SECRET = "token-security-test-secret-of-48-characters!!";
    static final String PREVIOUS_SECRET = "the-secret-rotated-from-also-long-enough-0000";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.jwt.secret", JWT_SECRET);
        properties.put("warden.jwt.previous-secrets", " " + PREVIOUS_SECRET + " ,");
        return properties;
    }

    private Answer templates(String token) {
        return RawHttp.exchange(http.toBlocking(), HttpRequest.GET("/api/v1/templates"), token);
    }

    @Test
    void a_token_signed_with_warden_s_key_and_still_valid_gets_in() {
        assertThat(templates(token("HS256", JWT_SECRET, claims(3600))).status())
                .as("the test's own tokens are made right, so the refusals below are about what they break")
                .isEqualTo(200);
    }

    @Test
    void a_token_signed_with_the_secret_rotated_from_gets_in_until_it_expires() {
        assertThat(templates(token("HS256", PREVIOUS_SECRET, claims(3600))).status()).isEqualTo(200);
        assertThat(problemStatus(templates(token("HS256", PREVIOUS_SECRET, claims(-60))))).isEqualTo(401);
    }

    @Test
    void login_signs_with_the_current_secret_only() {
        String[] parts = root.split("\\.");
        assertThat(parts[2]).isEqualTo(signature(JWT_SECRET, parts[0] + "." + parts[1]))
                .isNotEqualTo(signature(PREVIOUS_SECRET, parts[0] + "." + parts[1]));
    }

    @Test
    void a_previous_secret_too_short_stops_the_start() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("warden.jwt.previous-secrets", "short");
        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("WARDEN_JWT_PREVIOUS_SECRETS must be at least 32 characters")
                .hasStackTraceContaining("each of");
    }

    @Test
    void an_expired_token_is_401() {
        assertThat(problemStatus(templates(token("HS256", JWT_SECRET, claims(-60))))).isEqualTo(401);
    }

    @Test
    void a_token_whose_payload_was_changed_after_signing_is_401() {
        String[] parts = root.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("SUPER_ADMIN", "SUPER_ADMIM");
        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        assertThat(problemStatus(templates(tampered))).isEqualTo(401);
        assertThat(templates(root).status()).as("the untouched token works").isEqualTo(200);
    }

    @Test
    void a_token_signed_with_another_key_is_401() {
        String otherKey = "another-secret-that-is-also-long-enough-000";
        assertThat(problemStatus(templates(token("HS256", otherKey, claims(3600))))).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_is_401() {
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String unsigned = header + "." + encode(claims(3600)) + ".";

        assertThat(problemStatus(templates(unsigned))).isEqualTo(401);
        assertThat(problemStatus(templates(header + "." + encode(claims(3600))))).isEqualTo(401);
        assertThat(problemStatus(templates("not a token at all"))).isEqualTo(401);
    }

    @Test
    void a_wrong_password_and_an_unknown_user_get_the_same_answer() {
        Answer wrongPassword = login(TestPostgres.ROOT_USERNAME, "not the password");
        Answer unknownUser = login("nobody_by_this_name", "not the password");
        Answer invalidName = login("no such name with spaces!", "not the password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser).isEqualTo(wrongPassword);
        assertThat(invalidName).isEqualTo(wrongPassword);
        assertThat(wrongPassword.body()).doesNotContain("not the password").doesNotContain("access_token");
    }

    private Answer login(String username, String password) {
        return RawHttp.exchange(http.toBlocking(), HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), null);
    }

    private static int problemStatus(Answer answer) {
        assertThat(answer.contentType()).as(answer.toString()).isEqualTo("application/problem+json");
        return answer.status();
    }

    /** Claims of the super admin, expiring {@code seconds} from now (negative: already expired). */
    private static String claims(long seconds) {
        long now = Instant.now().getEpochSecond();
        return """
                {"sub":"%s","roles":["SUPER_ADMIN"],"iat":%d,"nbf":%d,"exp":%d,"iss":"warden"}"""
                .formatted(TestPostgres.ROOT_USERNAME, now - 120, now - 120, now + seconds);
    }

    private static String token(String algorithm, String secret, String claims) {
        String signed = encode("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + encode(claims);
        return signed + "." + signature(secret, signed);
    }

    private static String signature(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
