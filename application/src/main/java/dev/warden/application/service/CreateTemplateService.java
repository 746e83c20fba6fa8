package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateTemplateCommand;
import dev.warden.application.port.in.CreateTemplateUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.HistoryKind;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Use case implementation: create a DRAFT template and its version 1. */
public final class CreateTemplateService implements CreateTemplateUseCase {

    private final WhatsAppAccountRepository accounts;
    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final TemplateHistory history;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateTemplateService(WhatsAppAccountRepository accounts, TemplateRepository templates,
                                 TemplateVersionRepository versions, TemplateHistory history, UnitOfWork unitOfWork,
                                 Clock clock) {
        this.accounts = accounts;
        this.templates = templates;
        this.versions = versions;
        this.history = history;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public TemplateSnapshot createTemplate(Actor actor, CreateTemplateCommand command) {
        actor.requireWrite(command.organizationId());
        Instant now = clock.instant();
        MessageTemplate template = MessageTemplate.draft(TemplateId.random(), command.organizationId(),
                command.wabaId(), command.name(), command.language(), command.category(), command.content(), now);
        return unitOfWork.inTransaction(() -> {
            accounts.findByWabaId(command.wabaId())
                    .filter(account -> account.organizationId().equals(command.organizationId()))
                    .orElseThrow(() -> new NotFound("WhatsApp Business Account", command.wabaId()));
            templates.add(template);
            versions.append(template.version(actor.username(), "created", now));
            history.append(new TemplateHistoryEntry(command.organizationId(), template.id(), HistoryKind.CONTENT,
                    ChangeSource.USER, "CREATED", null, "v1", null, false, now, now,
                    Map.of("author", actor.username())));
            return template.snapshot();
        });
    }
}
