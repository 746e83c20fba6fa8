package dev.warden.domain.sending;

import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateSnapshot;

/** Neither the template nor its fallback can be sent: the message names both and why. */
public class FallbackNotSendable extends TemplateNotSendable {

    private static final long serialVersionUID = 1L;

    FallbackNotSendable(TemplateSnapshot primary, String fallback, String why) {
        super(primary.status(), "template " + primary.id() + " (" + primary.name().value() + ", "
                + primary.language().value() + ") is " + primary.status() + " and cannot be sent; only APPROVED"
                + " templates can; its fallback " + fallback + " cannot stand in: " + why);
    }
}
