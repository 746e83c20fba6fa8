package dev.warden.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.alert.AlertSeverity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateLimitTest {

    @Test
    void high_from_the_warning_share_critical_at_the_limit_nothing_below_or_without_a_limit() {
        assertThat(new TemplateLimit(5399, 6000).severity(90)).isEmpty();
        assertThat(new TemplateLimit(5400, 6000).severity(90)).contains(AlertSeverity.HIGH);
        assertThat(new TemplateLimit(6000, 6000).severity(90)).contains(AlertSeverity.CRITICAL);
        assertThat(new TemplateLimit(6001, 6000).severity(90)).contains(AlertSeverity.CRITICAL);
        assertThat(new TemplateLimit(10, 0).severity(90)).isEqualTo(Optional.empty());
    }
}
