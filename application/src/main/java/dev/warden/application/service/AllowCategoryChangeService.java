package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.AllowCategoryChangeUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.CategoryInfo;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Use case implementation: sets the template's {@code allow_category_change}, the flag governance
 * reads when Meta announces or makes a recategorisation; the change is a line in its history and
 * in the audit log, in the same transaction.
 */
public final class AllowCategoryChangeService implements AllowCategoryChangeUseCase {

    private final TemplateRepository templates;
    private final TemplateHistory history;
    private final CategoryInfoReader reader;
    private final UnitOfWork unitOfWork;
    private final AdminAudit audit;
    private final Clock clock;

    public AllowCategoryChangeService(TemplateRepository templates, TemplateHistory history, UnitOfWork unitOfWork,
                                      AuditTrail audit, Clock clock) {
        this.templates = templates;
        this.history = history;
        this.reader = new CategoryInfoReader(history);
        this.unitOfWork = unitOfWork;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    @Override
    public CategoryInfo allowCategoryChange(Actor actor, Optional<OrganizationId> organizationId,
                                            TemplateId templateId, boolean allow) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, organizationId, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            MessageTemplate template = templates.findById(scope, templateId)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            actor.requireWrite(scope);
            // Setting the value the flag has is no change, and no action to audit.
            template.allowCategoryChange(allow, actor.username(), clock.instant()).ifPresent(line -> {
                templates.update(template);
                history.append(line);
                audit.record(actor, scope, AuditAction.CATEGORY_CHANGE_PERMISSION_CHANGED,
                        AuditResource.of(AuditResource.Kind.TEMPLATE, templateId),
                        Map.of("allowCategoryChange", String.valueOf(!allow)),
                        Map.of("allowCategoryChange", String.valueOf(allow)));
            });
            return reader.read(template.snapshot());
        });
    }
}
