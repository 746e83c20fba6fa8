package dev.warden.adapters.web.api;

import dev.warden.domain.template.content.RenderedContent;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/** A template as its recipient would read it, component by component, every variable filled. */
@Serdeable
record RenderedResponse(List<Component> components) {

    /** A rendered component: text for HEADER, BODY and FOOTER, buttons for BUTTONS. */
    @Serdeable
    record Component(String type, String text, List<Button> buttons) {
    }

    /** A rendered button: its URL variable filled. */
    @Serdeable
    record Button(String type, String text, String url, String phoneNumber) {
    }

    static RenderedResponse from(RenderedContent rendered) {
        List<Component> components = new ArrayList<>();
        rendered.header().ifPresent(text -> components.add(new Component("HEADER", text, null)));
        components.add(new Component("BODY", rendered.body(), null));
        rendered.footer().ifPresent(text -> components.add(new Component("FOOTER", text, null)));
        if (!rendered.buttons().isEmpty()) {
            components.add(new Component("BUTTONS", null, rendered.buttons().stream()
                    .map(b -> new Button(b.type().name(), b.text(), b.url(), b.phoneNumber())).toList()));
        }
        return new RenderedResponse(components);
    }
}
