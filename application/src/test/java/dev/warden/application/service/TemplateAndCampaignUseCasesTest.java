package dev.warden.application.service;

import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.in.AccessDenied;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ApplyTemplateChangeCommand;
import dev.warden.application.port.in.CreateTemplateCommand;
import dev.warden.application.port.in.EditTemplateCommand;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.fixtures.InMemoryAuditLog;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditEntry;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.InMemoryWhatsAppAccountRepository;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.VersionDiff;
import dev.warden.domain.user.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TemplateAndCampaignUseCasesTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final PassThroughUnitOfWork unitOfWork = new PassThroughUnitOfWork();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryWhatsAppAccountRepository accounts = new InMemoryWhatsAppAccountRepository();
    private final OrganizationId org = warden.anOrganization("Acme");
    private final Actor admin = new Actor("ann", Role.ORG_ADMIN, Optional.of(org));
    private final Actor viewer = new Actor("vic", Role.VIEWER, Optional.of(org));

    /** Meta is never asked about a draft's edit: every call fails the test. */
    private static final MetaTemplateSubmission DRAFTS_STAY_LOCAL = new MetaTemplateSubmission() {
        @Override
        public boolean configured() {
            throw new AssertionError("a draft's edit asked whether Meta is configured");
        }

        @Override
        public Submitted create(WabaId wabaId, TemplateName name, LanguageCode language, TemplateCategory category,
                                TemplateContent content) {
            throw new AssertionError("a draft's edit created a template at Meta");
        }

        @Override
        public void edit(WabaId wabaId, MetaTemplateId id, Optional<TemplateCategory> category,
                         TemplateContent content) {
            throw new AssertionError("a draft's edit was sent to Meta");
        }

        @Override
        public void delete(WabaId wabaId, MetaTemplateId id, TemplateName name) {
            throw new AssertionError("a draft's edit deleted a template at Meta");
        }
    };

    @Test
    void applying_a_change_publishes_what_it_caused_after_the_transaction() {
        TemplateFixtures.Builder builder = aTemplate().in(org);
        warden.store(builder.build());
        ApplyTemplateChangeService service = new ApplyTemplateChangeService(warden.governor, unitOfWork, warden.events,
                warden.clock);

        GovernanceResult result = service.applyTemplateChange(new ApplyTemplateChangeCommand(org,
                new TemplateMention(builder.key(), "order_update", "en_US", null),
                MetaReports.status(TemplateStatus.DISABLED, warden.now())));

        assertThat(unitOfWork.transactions).isEqualTo(1);
        assertThat(warden.events.published()).containsExactlyElementsOf(result.events());
        assertThat(result.events()).isNotEmpty();
    }

    @Test
    void a_concurrent_change_is_retried_on_fresh_state() {
        TemplateFixtures.Builder builder = aTemplate().in(org);
        warden.store(builder.build());
        UnitOfWork conflictingOnce = new UnitOfWork() {
            private boolean failed;

            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (!failed) {
                    failed = true;
                    throw new ConcurrentModification("template", "x", 0);
                }
                return work.get();
            }
        };
        ApplyTemplateChangeService service = new ApplyTemplateChangeService(warden.governor, conflictingOnce,
                warden.events, warden.clock);

        service.applyTemplateChange(new ApplyTemplateChangeCommand(org,
                new TemplateMention(builder.key(), null, null, null), MetaReports.status(TemplateStatus.PAUSED, warden.now())));

        assertThat(warden.templates.findByKey(org, builder.key()).orElseThrow().status()).isEqualTo(TemplateStatus.PAUSED);
    }

    @Test
    void a_template_is_created_only_for_a_waba_of_the_organization_and_edited_as_new_versions() {
        CreateTemplateService create = new CreateTemplateService(accounts, warden.templates, warden.versions,
                warden.history, unitOfWork, auditLog, warden.clock);
        CreateTemplateCommand command = new CreateTemplateCommand(Optional.empty(), Optional.of(TemplateFixtures.WABA),
                new TemplateName("order_update"), new LanguageCode("en_US"), TemplateCategory.UTILITY,
                TemplateFixtures.orderContent());
        assertThatThrownBy(() -> create.createTemplate(admin, command)).isInstanceOf(NotFound.class);
        accounts.add(new WhatsAppAccount(org, TemplateFixtures.WABA, "Main", warden.now()));
        assertThatThrownBy(() -> create.createTemplate(viewer, command)).isInstanceOf(AccessDenied.class);

        TemplateSnapshot draft = create.createTemplate(admin, command);
        assertThatThrownBy(() -> create.createTemplate(admin, command)).isInstanceOf(
                dev.warden.domain.template.TemplateNameTaken.class).hasMessageContaining("order_update");
        GovernancePorts governance = new GovernancePorts(warden.templates, warden.history, warden.versions,
                warden.quality, warden.campaigns, warden.alerts, warden.organizations,
                dev.warden.domain.governance.AutoPausePolicy.WHEN_NOT_SENDABLE);
        EditTemplateService edit = new EditTemplateService(DRAFTS_STAY_LOCAL, governance, EditPolicy.META_LIMITS,
                unitOfWork, warden.events, auditLog, warden.clock);
        TemplateVersion v2 = edit.editTemplate(admin, new EditTemplateCommand(Optional.empty(), draft.id(),
                dev.warden.domain.template.content.TemplateContent.ofBody(
                        dev.warden.domain.template.parameter.ParameterFormat.NAMED,
                        "Hi {{first_name}}, order {{order_id}} is packed and leaves today.",
                        java.util.Map.of("first_name", "Ana", "order_id", "A1")), Optional.empty(), "wording"));
        VersionDiff diff = new CompareTemplateVersionsService(warden.templates, warden.versions, unitOfWork)
                .compareVersions(admin, Optional.empty(), draft.id(), 1, 2);
        TemplateVersion v3 = new RollbackTemplateService(DRAFTS_STAY_LOCAL, governance, EditPolicy.META_LIMITS,
                unitOfWork, warden.events, auditLog, warden.clock)
                .rollbackTemplate(admin, Optional.empty(), draft.id(), 1);

        assertThat(v2.number()).isEqualTo(2);
        assertThat(diff.changes()).extracting(c -> c.component() + "." + c.field()).containsExactly("BODY.text",
                "BODY.examples");
        assertThat(v3.content()).isEqualTo(TemplateFixtures.orderContent());
        assertThat(new ListTemplateVersionsService(warden.templates, warden.versions, unitOfWork)
                .listVersions(viewer, Optional.empty(), draft.id(), dev.warden.domain.shared.PageRequest.first())
                .items()).extracting(TemplateVersion::number).containsExactly(3, 2, 1);
        assertThat(new GetTemplateHistoryService(warden.templates, warden.history, unitOfWork)
                .getHistory(viewer, Optional.empty(), draft.id(), dev.warden.domain.shared.PageRequest.first())
                .total()).isEqualTo(3);
        List<AuditEntry> audited = auditLog.find(everything(), PageRequest.first()).items();
        assertThat(audited).extracting(AuditEntry::action).containsExactly(AuditAction.TEMPLATE_ROLLED_BACK,
                AuditAction.TEMPLATE_EDITED, AuditAction.TEMPLATE_CREATED);
        assertThat(audited.get(0).before()).containsEntry("version", "v2");
        assertThat(audited.get(0).after()).containsEntry("version", "v3").containsEntry("rolledBackTo", "v1");
    }

    @Test
    void a_campaign_starts_only_on_a_sendable_template_and_records_who_paused_it() {
        MessageTemplate paused = warden.store(aTemplate().in(org).withStatus(TemplateStatus.PAUSED).build());
        CreateCampaignService create = new CreateCampaignService(warden.templates, warden.campaigns, unitOfWork,
                auditLog, warden.clock);
        StartCampaignService start = new StartCampaignService(warden.templates, warden.campaigns, unitOfWork,
                warden.events, auditLog, warden.clock);
        CampaignSnapshot campaign = create.createCampaign(admin, Optional.of(org), "Spring", paused.id());

        assertThatThrownBy(() -> start.startCampaign(admin, Optional.of(org), campaign.id()))
                .isInstanceOf(TemplateNotSendable.class).hasMessageContaining("PAUSED");
        assertThatThrownBy(() -> create.createCampaign(admin, Optional.of(org), "Ghost",
                dev.warden.domain.template.TemplateId.random())).isInstanceOf(TemplateNotFound.class);
        for (TemplateStatus gone : List.of(TemplateStatus.DELETED, TemplateStatus.PENDING_DELETION)) {
            MessageTemplate deleted = warden.store(aTemplate().in(org).withStatus(gone).build());
            assertThatThrownBy(() -> create.createCampaign(admin, Optional.of(org), "Late", deleted.id()))
                    .as("no campaign for a template Meta deletes").isInstanceOf(TemplateNotSendable.class)
                    .hasMessageContaining(gone.name());
        }

        MessageTemplate approved = warden.store(aTemplate().in(org).build());
        CampaignSnapshot running = start.startCampaign(admin, Optional.of(org),
                create.createCampaign(admin, Optional.of(org), "Summer", approved.id()).id());
        CampaignSnapshot pausedByAnn = new PauseCampaignService(warden.campaigns, unitOfWork, warden.events,
                auditLog, warden.clock).pauseCampaign(admin, Optional.of(org), running.id());

        assertThat(running.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(pausedByAnn.holds()).containsExactly(Hold.manual("ann", warden.now()));
        List<AuditEntry> audited = auditLog.find(everything(), PageRequest.first()).items();
        assertThat(audited).extracting(AuditEntry::action).containsExactly(AuditAction.CAMPAIGN_PAUSED,
                AuditAction.CAMPAIGN_STARTED, AuditAction.CAMPAIGN_CREATED, AuditAction.CAMPAIGN_CREATED);
        assertThat(audited.get(0)).extracting(AuditEntry::actor, e -> e.resource().id(), AuditEntry::before,
                        AuditEntry::after)
                .containsExactly("ann", running.id().value().toString(), Map.of("status", "RUNNING", "holds", ""),
                        Map.of("status", "PAUSED", "holds", "MANUAL by ann"));
        assertThat(new GetCampaignService(warden.campaigns, unitOfWork).getCampaign(viewer, Optional.empty(),
                running.id()).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThatThrownBy(() -> new GetCampaignService(warden.campaigns, unitOfWork).getCampaign(
                new Actor("x", Role.VIEWER, Optional.of(OrganizationId.random())), Optional.empty(), running.id()))
                .isInstanceOf(NotFound.class);
    }

    private static AuditFilter everything() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
