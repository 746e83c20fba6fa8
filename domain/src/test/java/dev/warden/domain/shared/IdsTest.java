package dev.warden.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void the_canonical_form_parses_in_either_case() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.parseUuid("templateId", id.toString())).isEqualTo(id);
        assertThat(Ids.parseUuid("templateId", id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void short_groups_the_jdk_would_accept_are_refused_naming_the_field() {
        assertThatThrownBy(() -> Ids.parseUuid("organizationId", "0-0-0-0-0"))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("organizationId");
        assertThatThrownBy(() -> Ids.parseUuid("organizationId", "00000000-0000-0000-0000-00000000000"))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> Ids.parseUuid("organizationId", null)).isInstanceOf(InvalidValue.class);
    }
}
