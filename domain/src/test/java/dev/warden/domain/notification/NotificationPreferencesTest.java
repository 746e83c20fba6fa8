package dev.warden.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationPreferencesTest {

    private static NotificationPreferences with(List<String> emails, String slack, List<String> numbers) {
        return new NotificationPreferences(OrganizationId.random(), Map.of(), emails, Optional.ofNullable(slack),
                NotificationPreferences.WhatsAppProvider.MYOPERATOR, numbers, Duration.ofMinutes(30));
    }

    @Test
    void accepts_addresses_https_webhooks_and_e164_numbers() {
        with(List.of("ops@example.com", "first.last+alerts@sub.example.co.in"),
                "https://hooks.slack.com/services/T1/B1/x", List.of("+919812345678", "+14155550123"))
                .validated(false);
    }

    @Test
    void names_each_wrong_field() {
        assertThatThrownBy(() -> with(List.of("not-an-address"), null, List.of()).validated(false))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("email.recipients");
        assertThatThrownBy(() -> with(List.of(), "http://hooks.slack.com/x", List.of()).validated(false))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("slack.webhookUrl must be an https URL");
        assertThatThrownBy(() -> with(List.of(), null, List.of("9812345678")).validated(false))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("E.164");
        assertThat(with(List.of(), "http://localhost:9/x", List.of()).validated(true)).isNotNull();
    }

    @Test
    void the_slack_url_is_masked_to_its_host() {
        assertThat(NotificationPreferences.maskSlackUrl("https://hooks.slack.com/services/T1/B1/abcdefgh"))
                .isEqualTo("https://hooks.slack.com/…efgh").doesNotContain("T1");
    }
}
