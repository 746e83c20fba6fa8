package dev.warden.application.port.in;

/**
 * Incoming port: another backend reports a business event; the organisation's mapping picks the
 * template, the values are checked against it, and one send per idempotency key is queued in the
 * outbox (docs/adr/0014).
 */
public interface SendEventUseCase {

    /**
     * @throws EventMappingNotFound when the event type is not mapped
     * @throws dev.warden.domain.template.parameter.ParameterMismatch when a value is missing, extra or malformed
     * @throws dev.warden.domain.template.TemplateNotSendable when the template is not APPROVED
     * @throws dev.warden.domain.sending.SendRefused when the contact opted out of marketing, or the WABA is stopped
     */
    SendAccepted send(Actor actor, SendEventCommand command);
}
