package dev.warden.application.service;

import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.version.TemplateVersion;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drafts Meta accepted whose acceptance Warden never recorded (the submission's answer was lost, or
 * recording it failed): reconciliation finds them at Meta under a new id, and matches them to the
 * draft of the same name and language instead of importing a second template.
 */
final class SubmittedDrafts {

    private final TemplateRepository templates;
    private final TemplateHistory history;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    SubmittedDrafts(TemplateRepository templates, TemplateHistory history, UnitOfWork unitOfWork, Clock clock) {
        this.templates = templates;
        this.history = history;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** Whether the WABA has drafts at all: most runs have none, and then nothing is looked up by name. */
    boolean any(OrganizationId organizationId, WabaId wabaId) {
        TemplateFilter drafts = new TemplateFilter(Optional.of(organizationId), Optional.of(wabaId), Optional.empty(),
                Optional.empty(), Optional.of(TemplateStatus.DRAFT), Optional.empty(), Optional.empty());
        return unitOfWork.inTransaction(() -> templates.list(drafts, new PageRequest(0, 1)).total() > 0);
    }

    /** Gives each draft that Meta lists on this page, by name and language, Meta's id. */
    void match(OrganizationId organizationId, WabaId wabaId, List<MetaTemplateView> page) {
        unitOfWork.run(() -> {
            Set<TemplateKey> known = templates.findByKeys(organizationId, page.stream()
                            .map(meta -> new TemplateKey(wabaId, meta.id())).toList()).stream()
                    .map(t -> new TemplateKey(wabaId, t.snapshot().metaTemplateId().orElseThrow()))
                    .collect(Collectors.toSet());
            for (MetaTemplateView meta : page) {
                if (!known.contains(new TemplateKey(wabaId, meta.id()))) {
                    draftNamed(organizationId, wabaId, meta).ifPresent(draft -> {
                        history.append(draft.submitted(meta.id(), ChangeSource.RECONCILE, TemplateVersion.META_AUTHOR,
                                clock.instant()));
                        templates.update(draft);
                    });
                }
            }
        });
    }

    private Optional<MessageTemplate> draftNamed(OrganizationId organizationId, WabaId wabaId, MetaTemplateView meta) {
        TemplateName name;
        LanguageCode language;
        try {
            name = new TemplateName(meta.name());
            language = new LanguageCode(meta.language());
        } catch (RuntimeException e) {
            // A name or language Warden cannot hold was never a Warden draft.
            return Optional.empty();
        }
        return templates.findByName(organizationId, wabaId, name, language).stream()
                .filter(t -> t.status() == TemplateStatus.DRAFT && t.metaTemplateId().isEmpty())
                .map(TemplateSnapshot::id).findFirst()
                .flatMap(id -> templates.findById(organizationId, id));
    }
}
