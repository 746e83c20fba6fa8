package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateTemplateCommand;
import dev.warden.application.port.in.CreateTemplateUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNameTaken;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Use case implementation: create a DRAFT template and its version 1, refusing a name Meta would refuse as taken. */
public final class CreateTemplateService implements CreateTemplateUseCase {

    private final WhatsAppAccountRepository accounts;
    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateHistory history;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final AdminAudit audit;

    public CreateTemplateService(WhatsAppAccountRepository accounts, TemplateRepository templates,
                                 TemplateVersionRepository versions, TemplateHistory history, UnitOfWork unitOfWork,
                                 AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.templates = templates;
        this.versions = versions;
        this.history = history;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public TemplateSnapshot createTemplate(Actor actor, CreateTemplateCommand command) {
        return unitOfWork.inTransaction(() -> {
            // A super admin naming only the WABA works in the organisation that owns it.
            OrganizationId organizationId = Scopes.of(actor, command.organizationId(),
                    () -> command.wabaId().flatMap(accounts::findByWabaId).map(WhatsAppAccount::organizationId),
                    () -> new NotFound("WhatsApp Business Account", command.wabaId().map(WabaId::value).orElse("")));
            actor.requireWrite(organizationId);
            WabaId wabaId = wabaOf(organizationId, command);
            templates.findByName(organizationId, wabaId, command.name(), command.language()).stream()
                    .filter(existing -> existing.status().holdsItsName()).findFirst().ifPresent(existing -> {
                        throw new TemplateNameTaken(wabaId, command.name(), command.language(), existing.id());
                    });
            Instant now = clock.instant();
            MessageTemplate template = MessageTemplate.draft(TemplateId.random(), organizationId, wabaId,
                    command.name(), command.language(), command.category(), command.content(), now);
            templates.add(template);
            versions.append(template.version(actor.username(), "created", now));
            history.append(new TemplateHistoryEntry(organizationId, template.id(), HistoryKind.CONTENT,
                    ChangeSource.USER, "CREATED", null, "v1", null, false, now, now,
                    Map.of("author", actor.username())));
            audit.record(actor, organizationId, AuditAction.TEMPLATE_CREATED,
                    AuditResource.of(AuditResource.Kind.TEMPLATE, template.id()), Map.of(),
                    AdminAudit.facts(template.snapshot()));
            return template.snapshot();
        });
    }

    private WabaId wabaOf(OrganizationId organizationId, CreateTemplateCommand command) {
        if (command.wabaId().isPresent()) {
            return accounts.findByWabaId(command.wabaId().get())
                    .filter(account -> account.organizationId().equals(organizationId))
                    .map(WhatsAppAccount::wabaId)
                    .orElseThrow(() -> new NotFound("WhatsApp Business Account", command.wabaId().get().value()));
        }
        Page<WhatsAppAccount> owned = accounts.findByOrganization(organizationId, new PageRequest(0, 1));
        if (owned.total() != 1) {
            throw new InvalidValue("wabaId is required: the organisation has " + owned.total()
                    + " WhatsApp Business Accounts");
        }
        return owned.items().get(0).wabaId();
    }
}
