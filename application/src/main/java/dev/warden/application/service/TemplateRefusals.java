package dev.warden.application.service;

import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendResult;
import dev.warden.domain.shared.OrganizationId;

/**
 * What {@link MessageSends} does after Meta refused a template send for the template's sake (paused,
 * disabled): the circuit breaker ({@link CircuitBreaker}). Called after the call, with no transaction open.
 */
@FunctionalInterface
public interface TemplateRefusals {

    /** Nothing beyond failing the one send: for tests of the other refusals. */
    TemplateRefusals NONE = (organizationId, message, refused) -> {
    };

    void refused(OrganizationId organizationId, OutboundMessage message, SendResult.Refused refused);
}
