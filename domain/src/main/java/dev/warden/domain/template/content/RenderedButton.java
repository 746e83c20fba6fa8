package dev.warden.domain.template.content;

/** A button as the recipient sees it: a URL button's variable filled. */
public record RenderedButton(ButtonType type, String text, String url, String phoneNumber) {
}
