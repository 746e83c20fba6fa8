package dev.warden.adapters.web.api;

import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.TemplateContent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One component of a template version, in the shape POST /api/v1/templates takes. */
@Serdeable
record ComponentResponse(String type, String format, String text, Map<String, String> examples,
                         List<ButtonResponse> buttons) {

    /** One button; {@code example} is a URL variable's or a copy code's example. */
    @Serdeable
    record ButtonResponse(String type, String text, String url, String phoneNumber, String example) {

        static ButtonResponse from(Button b) {
            return new ButtonResponse(b.type().name(), b.text(), b.url(), b.phoneNumber(), b.example());
        }
    }

    static List<ComponentResponse> from(TemplateContent content) {
        List<ComponentResponse> components = new ArrayList<>();
        content.header().ifPresent(h -> components.add(new ComponentResponse("HEADER", h.format().name(), h.text(),
                h.examples(), null)));
        components.add(new ComponentResponse("BODY", null, content.body().text(), content.body().examples(), null));
        content.footer().ifPresent(f -> components.add(new ComponentResponse("FOOTER", null, f.text(), null, null)));
        if (!content.buttons().isEmpty()) {
            components.add(new ComponentResponse("BUTTONS", null, null, null,
                    content.buttons().stream().map(ButtonResponse::from).toList()));
        }
        return components;
    }
}
