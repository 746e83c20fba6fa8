package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.domain.template.content.Body;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.Footer;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.TemplateText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code message_template_components_update}: Meta's flat component fields as Warden's template content. */
final class ComponentsTranslation {

    private ComponentsTranslation() {
    }

    static TemplateContent content(JsonNode value) {
        String body = MetaJson.text(value.get("message_template_element"));
        if (body == null) {
            throw new MalformedPayload("message_template_components_update has no message_template_element");
        }
        Optional<Header> header = Optional.ofNullable(MetaJson.text(value.get("message_template_title")))
                .map(Header::text);
        Optional<Footer> footer = Optional.ofNullable(MetaJson.text(value.get("message_template_footer")))
                .map(Footer::new);
        List<Button> buttons = new ArrayList<>();
        for (JsonNode button : value.path("message_template_buttons")) {
            buttons.add(new Button(MetaVocabulary.buttonType(MetaJson.text(button.get("message_template_button_type"))),
                    MetaJson.text(button.get("message_template_button_text")),
                    MetaJson.text(button.get("message_template_button_url")),
                    MetaJson.text(button.get("message_template_button_phone_number")), null));
        }
        // The webhook does not say the parameter format; the body's variables do.
        ParameterFormat format = TemplateText.parse(body).detectFormat().orElse(ParameterFormat.POSITIONAL);
        return new TemplateContent(format, header, new Body(body, Map.of()), footer, buttons);
    }
}
