package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.SaveEventMappingCommand;
import dev.warden.application.port.in.SaveEventMappingUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventMappingRepository;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.TemplateChoice;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Use case implementation: an ORG_ADMIN maps an event type to one of the organisation's templates
 * (another organisation's is not found), recorded in the audit log with the mapping it replaced.
 * Sendability is checked at each send, not here: a mapping outlives a template's pause. A META mapping's
 * phone number must be one Meta lists for the template's WABA, asked outside the transaction. A fallback
 * template must be the organisation's, in the same WABA, with the same parameters ({@link TemplateChoice}).
 */
public final class SaveEventMappingService implements SaveEventMappingUseCase {

    private final EventMappingRepository mappings;
    private final TemplateRepository templates;
    private final WabaPhoneNumbers phoneNumbers;
    private final UnitOfWork unitOfWork;
    private final AdminAudit audit;
    private final Clock clock;

    public SaveEventMappingService(EventMappingRepository mappings, TemplateRepository templates,
                                   WabaPhoneNumbers phoneNumbers, UnitOfWork unitOfWork, AuditTrail audit,
                                   Clock clock) {
        this.mappings = mappings;
        this.templates = templates;
        this.phoneNumbers = phoneNumbers;
        this.unitOfWork = unitOfWork;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    @Override
    public EventMapping save(Actor actor, SaveEventMappingCommand command) {
        OrganizationId scope = actor.organizationFor(command.organizationId());
        actor.requireWrite(scope);
        EventMapping mapping = new EventMapping(scope, command.eventType(), command.templateId(), command.provider(),
                command.phoneNumberId(), command.fallbackTemplateId(), clock.instant());
        WabaId waba = unitOfWork.inTransaction(() -> template(scope, command.templateId()).wabaId());
        if (mapping.provider() == SendProvider.META) {
            SendChecks.requireNumberOfWaba(phoneNumbers, waba, mapping.phoneNumberId().orElseThrow());
        }
        return unitOfWork.inTransaction(() -> {
            TemplateSnapshot primary = template(scope, command.templateId());
            command.fallbackTemplateId().ifPresent(fallback ->
                    TemplateChoice.requireFallbackFor(primary, template(scope, fallback)));
            Optional<EventMapping> before = mappings.find(scope, command.eventType());
            mappings.save(mapping);
            audit.record(actor, scope, AuditAction.EVENT_MAPPING_SAVED, resource(mapping),
                    before.map(SaveEventMappingService::facts).orElse(Map.of()), facts(mapping));
            return mapping;
        });
    }

    private TemplateSnapshot template(OrganizationId scope, TemplateId id) {
        return templates.findById(scope, id).orElseThrow(() -> new TemplateNotFound(id)).snapshot();
    }

    static AuditResource resource(EventMapping mapping) {
        return AuditResource.of(AuditResource.Kind.EVENT_MAPPING, mapping.eventType().value());
    }

    static Map<String, String> facts(EventMapping mapping) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("templateId", mapping.templateId().toString());
        facts.put("provider", mapping.provider().name());
        facts.put("phoneNumberId", mapping.phoneNumberId().orElse(""));
        facts.put("fallbackTemplateId", mapping.fallbackTemplateId().map(TemplateId::toString).orElse(""));
        return facts;
    }
}
