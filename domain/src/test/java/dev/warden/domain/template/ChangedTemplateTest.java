package dev.warden.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A changed template pairs two states of one template at one revision, and nothing else. */
class ChangedTemplateTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final OrganizationId ORG = OrganizationId.random();

    private static MessageTemplate template(String metaId) {
        return MessageTemplate.discovered(TemplateId.random(), ORG,
                new TemplateKey(new WabaId("1000"), new MetaTemplateId(metaId)), new TemplateName("order_update"),
                new LanguageCode("en_US"), TemplateCategory.UTILITY, NOW);
    }

    @Test
    void pairs_a_template_as_loaded_with_itself_as_changed() {
        MessageTemplate template = template("11");
        TemplateSnapshot loaded = template.snapshot();

        ChangedTemplate changed = new ChangedTemplate(loaded, loaded);

        assertThat(changed.loaded()).isSameAs(changed.changed());
    }

    @Test
    void refuses_two_templates() {
        TemplateSnapshot one = template("11").snapshot();
        TemplateSnapshot other = template("12").snapshot();

        assertThatThrownBy(() -> new ChangedTemplate(one, other)).isInstanceOf(IllegalArgumentException.class);
    }
}
