package dev.warden.domain.template.content;

import java.util.List;
import java.util.Optional;

/** A template with every variable filled, as the recipient would see it; a media header shows as its kind. */
public record RenderedContent(Optional<String> header, String body, Optional<String> footer,
                              List<RenderedButton> buttons) {

    public RenderedContent {
        buttons = List.copyOf(buttons);
    }
}
