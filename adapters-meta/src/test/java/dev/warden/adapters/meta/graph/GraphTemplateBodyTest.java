package dev.warden.adapters.meta.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.content.Body;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.ButtonType;
import dev.warden.domain.template.content.Footer;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.HeaderFormat;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bodies of Meta's create and edit calls, in the example shapes of meta-platform.md §5.2. */
class GraphTemplateBodyTest {

    private static JsonNode json(byte[] body) throws Exception {
        return MetaJson.MAPPER.readTree(body);
    }

    @Test
    void positional_examples_are_an_array_of_arrays_for_the_body_and_an_array_for_the_header() throws Exception {
        TemplateContent content = new TemplateContent(ParameterFormat.POSITIONAL,
                Optional.of(new Header(HeaderFormat.TEXT, "Order {{1}}", Map.of("1", "A-1"))),
                new Body("Hi {{2}}, order {{1}} left today.", Map.of("1", "A-1", "2", "Ana")),
                Optional.of(new Footer("Acme shop")), List.of(Button.quickReply("Thanks")));

        JsonNode body = json(GraphTemplateBody.create(new TemplateName("order_update"), new LanguageCode("en_US"),
                TemplateCategory.UTILITY, content));

        assertThat(body).isEqualTo(MetaJson.MAPPER.readTree("""
                {"name":"order_update","language":"en_US","category":"UTILITY","parameter_format":"POSITIONAL",
                 "components":[
                  {"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":["A-1"]}},
                  {"type":"BODY","text":"Hi {{2}}, order {{1}} left today.","example":{"body_text":[["A-1","Ana"]]}},
                  {"type":"FOOTER","text":"Acme shop"},
                  {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Thanks"}]}]}"""));
    }

    @Test
    void named_examples_are_lists_of_param_name_and_example() throws Exception {
        TemplateContent content = new TemplateContent(ParameterFormat.NAMED,
                Optional.of(new Header(HeaderFormat.TEXT, "Order {{order_id}}", Map.of("order_id", "A-1"))),
                new Body("Hi {{first_name}}, order {{order_id}} left.", Map.of("first_name", "Ana", "order_id", "A-1")),
                Optional.empty(), List.of(Button.url("Track", "https://acme.example/t/{{1}}"),
                        new Button(ButtonType.COPY_CODE, "", null, null, "SAVE10")));

        JsonNode body = json(GraphTemplateBody.create(new TemplateName("order_update"), new LanguageCode("en_US"),
                TemplateCategory.UTILITY, content));

        assertThat(body.get("parameter_format").asText()).isEqualTo("NAMED");
        assertThat(body.at("/components/0/example")).isEqualTo(MetaJson.MAPPER.readTree("""
                {"header_text_named_params":[{"param_name":"order_id","example":"A-1"}]}"""));
        assertThat(body.at("/components/1/example")).isEqualTo(MetaJson.MAPPER.readTree("""
                {"body_text_named_params":[{"param_name":"first_name","example":"Ana"},
                                           {"param_name":"order_id","example":"A-1"}]}"""));
        assertThat(body.at("/components/2/buttons/1")).isEqualTo(MetaJson.MAPPER.readTree("""
                {"type":"COPY_CODE","example":"SAVE10"}"""));
    }

    @Test
    void a_url_example_is_the_whole_url_whether_warden_holds_the_url_or_the_value() throws Exception {
        for (String example : List.of("A-1", "https://acme.example/t/A-1")) {
            TemplateContent content = new TemplateContent(ParameterFormat.POSITIONAL, Optional.empty(),
                    Body.of("Your order left today."), Optional.empty(),
                    List.of(new Button(ButtonType.URL, "Track", "https://acme.example/t/{{1}}", null, example)));

            JsonNode body = json(GraphTemplateBody.edit(Optional.empty(), content));

            assertThat(body.has("name")).as("name and language cannot be edited").isFalse();
            assertThat(body.has("category")).isFalse();
            assertThat(body.at("/components/0")).as("no example without variables")
                    .isEqualTo(MetaJson.MAPPER.readTree("{\"type\":\"BODY\",\"text\":\"Your order left today.\"}"));
            assertThat(body.at("/components/1/buttons/0")).isEqualTo(MetaJson.MAPPER.readTree("""
                    {"type":"URL","text":"Track","url":"https://acme.example/t/{{1}}",
                     "example":["https://acme.example/t/A-1"]}"""));
        }
    }

    @Test
    void an_edit_names_the_category_only_when_it_changes() throws Exception {
        TemplateContent content = TemplateContent.ofBody(ParameterFormat.POSITIONAL, "Hello there", Map.of());

        assertThat(json(GraphTemplateBody.edit(Optional.of(TemplateCategory.MARKETING), content)).get("category")
                .asText()).isEqualTo("MARKETING");
    }
}
