package dev.warden.adapters.meta.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The request bodies of customer sends, as meta-platform.md §7 and §12 describe them. */
class GraphMessageSenderTest {

    private static final UUID ID = UUID.randomUUID();

    private static JsonNode payload(OutboundMessage message) throws Exception {
        return MetaJson.MAPPER.readTree(GraphMessageSender.payload(ID, message));
    }

    private static OutboundMessage template(String to, ParameterFormat format, List<OutboundMessage.Parameter> body) {
        return OutboundMessage.template(SendProvider.META, new WabaId("1234"), Optional.of("1065"),
                Recipient.parse(to), new OutboundMessage.TemplateRef(TemplateId.random(), "order_update", "en_US",
                        TemplateCategory.UTILITY, format), List.of(), body, Optional.of(new EventType("ORDER_CREATED")));
    }

    @Test
    void a_named_template_carries_each_value_with_its_name_in_order_to_the_number_s_digits() throws Exception {
        JsonNode json = payload(template("+919810012345", ParameterFormat.NAMED, List.of(
                new OutboundMessage.Parameter("first_name", "Ana"), new OutboundMessage.Parameter("order", "42"))));

        assertThat(json.path("to").asText()).isEqualTo("919810012345");
        assertThat(json.has("recipient")).isFalse();
        assertThat(json.path("type").asText()).isEqualTo("template");
        assertThat(json.path("template").path("components")).hasSize(1);
        JsonNode parameters = json.path("template").path("components").path(0).path("parameters");
        assertThat(parameters.path(0).path("parameter_name").asText()).isEqualTo("first_name");
        assertThat(parameters.path(0).path("text").asText()).isEqualTo("Ana");
        assertThat(parameters.path(1).path("parameter_name").asText()).isEqualTo("order");
        assertThat(json.path("biz_opaque_callback_data").asText()).isEqualTo(ID.toString());
    }

    @Test
    void a_positional_template_to_a_business_scoped_user_id_names_the_recipient_and_no_parameter_names()
            throws Exception {
        JsonNode json = payload(template("US.13491208655302741918", ParameterFormat.POSITIONAL,
                List.of(new OutboundMessage.Parameter("1", "Ana"))));

        assertThat(json.path("recipient").asText()).isEqualTo("US.13491208655302741918");
        assertThat(json.has("to")).isFalse();
        JsonNode parameter = json.path("template").path("components").path(0).path("parameters").path(0);
        assertThat(parameter.has("parameter_name")).isFalse();
        assertThat(parameter.path("text").asText()).isEqualTo("Ana");
    }

    @Test
    void a_template_without_variables_has_no_components_and_a_text_is_a_text() throws Exception {
        assertThat(payload(template("+919810012345", ParameterFormat.POSITIONAL, List.of()))
                .path("template").path("components")).isEmpty();

        JsonNode text = payload(OutboundMessage.text(new WabaId("1234"), "1065", Recipient.parse("+16505551234"),
                "Your table is ready"));
        assertThat(text.path("type").asText()).isEqualTo("text");
        assertThat(text.path("text").path("body").asText()).isEqualTo("Your table is ready");
        assertThat(text.path("to").asText()).isEqualTo("16505551234");
    }
}
