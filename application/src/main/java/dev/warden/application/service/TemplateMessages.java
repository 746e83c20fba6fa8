package dev.warden.application.service;

import dev.warden.domain.sending.EventType;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.DomainException;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template message to one customer, checked before it is queued: the template's content must be known,
 * the values fit its variables by the domain's own rule ({@link TemplateContent#render}), and an
 * AUTHENTICATION template needs a phone number. Shared by transactional and campaign sends.
 */
final class TemplateMessages {

    private TemplateMessages() {
    }

    /** @throws DomainException when Warden does not know the template's text yet (a 409) */
    static TemplateContent content(TemplateSnapshot template) {
        return template.content().orElseThrow(() -> new DomainException("template " + template.id()
                + " has no known content yet, so its variables cannot be checked; reconciliation with Meta will"
                + " bring it"));
    }

    /**
     * @throws dev.warden.domain.template.parameter.ParameterMismatch naming each missing, extra or malformed value
     * @throws InvalidValue an AUTHENTICATION template, or any sent through MyOperator, to a business-scoped user id
     */
    static OutboundMessage template(Sender sender, TemplateSnapshot template, TemplateContent content, Recipient to,
                                    Map<String, String> params, Optional<EventType> eventType) {
        // The domain's rule: every variable given, none extra, none malformed; throws naming each one.
        content.render(Map.of(), params, Map.of());
        if (template.category() == TemplateCategory.AUTHENTICATION && !to.isPhone()) {
            throw new InvalidValue("to: an AUTHENTICATION template needs the recipient's phone number; Meta does not"
                    + " send one-time passwords to a business-scoped user id");
        }
        if (sender.provider() == SendProvider.MYOPERATOR && !to.isPhone()) {
            throw new InvalidValue("to: MyOperator sends to phone numbers only; a business-scoped user id needs"
                    + " provider META");
        }
        List<String> names = content.parameters().getOrDefault("BODY", List.of());
        if (content.parameterFormat() == ParameterFormat.POSITIONAL) {
            names = names.stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
        List<OutboundMessage.Parameter> body = names.stream()
                .map(name -> new OutboundMessage.Parameter(name, params.get(name))).toList();
        OutboundMessage.TemplateRef ref = new OutboundMessage.TemplateRef(template.id(), template.name().value(),
                template.language().value(), template.category(), content.parameterFormat());
        return OutboundMessage.template(sender.provider(), template.wabaId(), sender.phoneNumberId(), to, ref,
                List.of(), body, eventType);
    }
}
