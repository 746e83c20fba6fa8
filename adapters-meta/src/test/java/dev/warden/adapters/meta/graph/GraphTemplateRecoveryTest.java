package dev.warden.adapters.meta.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaTemplateRecovery.Unarchived;
import dev.warden.domain.template.MetaTemplateId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphTemplateRecoveryTest {

    private static Unarchived read(String json) throws Exception {
        return GraphTemplateRecovery.unarchived(MetaJson.MAPPER.readTree(json));
    }

    @Test
    void an_unarchive_answer_names_the_restored_templates_and_why_the_others_failed() throws Exception {
        Unarchived answer = read("""
                {"unarchived_templates":["1234567890123456789", 594425479261596],
                 "failed_templates":{"880001":"Template was deleted","880002":{"message":"Too old"}}}""");

        assertThat(answer.restored()).containsExactlyInAnyOrder(new MetaTemplateId("1234567890123456789"),
                new MetaTemplateId("594425479261596"));
        assertThat(answer.failed()).containsOnly(Map.entry(new MetaTemplateId("880001"), "Template was deleted"),
                Map.entry(new MetaTemplateId("880002"), "{\"message\":\"Too old\"}"));
    }

    @Test
    void the_list_is_read_under_the_name_meta_platform_gives_too_and_an_answer_without_lists_names_none() throws Exception {
        assertThat(read("{\"archived_templates\":[\"42\"]}").restored()).isEqualTo(Set.of(new MetaTemplateId("42")));
        assertThat(read("{\"success\":true}").restored()).isEmpty();
    }

    @Test
    void an_id_that_is_not_metas_makes_the_answer_malformed() {
        assertThatThrownBy(() -> read("{\"unarchived_templates\":[{\"id\":\"1\"}]}")).isInstanceOf(MetaCallFailed.class)
                .extracting(e -> ((MetaCallFailed) e).kind()).isEqualTo(MetaCallFailed.Kind.MALFORMED_RESPONSE);
        assertThatThrownBy(() -> read("{\"failed_templates\":{\"not-an-id\":\"x\"}}"))
                .isInstanceOf(MetaCallFailed.class).hasMessageContaining("not-an-id");
    }
}
