package dev.warden.domain.template.content;

import java.util.Optional;

/** A template's text with every variable filled, as the recipient would read it. */
public record RenderedContent(Optional<String> header, String body, Optional<String> footer) {
}
