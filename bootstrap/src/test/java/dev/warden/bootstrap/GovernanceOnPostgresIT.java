package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.PauseKind;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ApplyTemplateChangeCommand;
import dev.warden.application.port.in.ApplyTemplateChangeUseCase;
import dev.warden.application.port.in.CreateCampaignUseCase;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.GetCampaignUseCase;
import dev.warden.application.port.in.GetTemplateHistoryUseCase;
import dev.warden.application.port.in.ListAlertsUseCase;
import dev.warden.application.port.in.PauseCampaignUseCase;
import dev.warden.application.port.in.StartCampaignUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateHistoryEntry;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.user.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wired application on PostgreSQL: a Meta change and all its side effects land in one
 * transaction, campaigns pause and resume set-based, and nothing half-done survives a failure.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceOnPostgresIT implements TestPropertyProvider {

    private static final Actor ROOT = new Actor("root", Role.SUPER_ADMIN, Optional.empty());

    @Inject CreateOrganizationUseCase createOrganization;
    @Inject ApplyTemplateChangeUseCase applyChange;
    @Inject CreateCampaignUseCase createCampaign;
    @Inject StartCampaignUseCase startCampaign;
    @Inject PauseCampaignUseCase pauseCampaign;
    @Inject GetCampaignUseCase getCampaign;
    @Inject GetTemplateHistoryUseCase history;
    @Inject ListAlertsUseCase alerts;
    @Inject OrganizationRepository organizations;
    @Inject UnitOfWork unitOfWork;
    @Inject RecordedEvents published;

    @Override
    public Map<String, String> getProperties() {
        return TestPostgres.properties();
    }

    private GovernanceResult report(OrganizationId org, TemplateKey key, String event, long epochSecond) {
        boolean paused = "PAUSED".equals(event);
        return applyChange.applyTemplateChange(new ApplyTemplateChangeCommand(org,
                new TemplateMention(key, "order_update", "en-US", TemplateCategory.UTILITY),
                new ReportedChange.Status(StatusEvent.of(TemplateStatus.valueOf(event)), null,
                        paused ? PauseKind.FIRST : null, paused ? "FIRST_PAUSE" : null, null, null, null, null,
                        Instant.ofEpochSecond(epochSecond), ChangeSource.WEBHOOK)));
    }

    private CampaignSnapshot campaign(OrganizationId org, CampaignId id) {
        return getCampaign.getCampaign(ROOT, Optional.of(org), id);
    }

    @Test
    void a_paused_template_pauses_its_campaigns_and_approval_resumes_only_warden_s_pauses() {
        OrganizationId org = createOrganization.createOrganization(ROOT, "Lifecycle Co").id();
        TemplateKey key = new TemplateKey(new WabaId("102290129340398"), new MetaTemplateId("9007199254740993"));
        TemplateId template = report(org, key, "APPROVED", 1_700_000_000L).templateId();
        CampaignId bySystem = startCampaign.startCampaign(ROOT, Optional.of(org),
                createCampaign.createCampaign(ROOT, Optional.of(org), "Autumn", template).id()).id();
        CampaignId byPerson = startCampaign.startCampaign(ROOT, Optional.of(org),
                createCampaign.createCampaign(ROOT, Optional.of(org), "Winter", template).id()).id();
        pauseCampaign.pauseCampaign(ROOT, Optional.of(org), byPerson);

        GovernanceResult paused = report(org, key, "PAUSED", 1_700_000_100L);

        assertThat(campaign(org, bySystem).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(org, bySystem).holds()).containsExactly(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED",
                campaign(org, bySystem).holds().get(0).since()));
        assertThat(paused.events()).filteredOn(CampaignEvent.Paused.class::isInstance).hasSize(1);
        assertThat(published.all()).containsAll(paused.events());

        report(org, key, "APPROVED", 1_700_010_900L);

        assertThat(campaign(org, bySystem).status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(campaign(org, byPerson).status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign(org, byPerson).holds()).extracting(Hold::cause, Hold::by)
                .containsExactly(tuple(HoldCause.MANUAL, Optional.of("root")));
        List<AlertSnapshot> raised = alerts.listAlerts(ROOT, new AlertFilter(Optional.of(org), Optional.empty(),
                Optional.empty()), PageRequest.first()).items();
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_PAUSED);
            assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
        });
    }

    @Test
    void a_late_or_repeated_change_is_history_at_most_and_has_no_effect() {
        OrganizationId org = createOrganization.createOrganization(ROOT, "Ordering Co").id();
        TemplateKey key = new TemplateKey(new WabaId("102290129340399"), new MetaTemplateId("1689556908129832"));
        TemplateId template = report(org, key, "PAUSED", 2_000L).templateId();

        report(org, key, "PAUSED", 2_000L);
        report(org, key, "APPROVED", 1_000L);

        List<TemplateHistoryEntry> entries = history.getHistory(ROOT, Optional.of(org), template,
                PageRequest.first()).items();
        assertThat(entries).extracting(TemplateHistoryEntry::event, TemplateHistoryEntry::stale)
                .containsExactly(tuple("APPROVED", true),
                        tuple("PAUSED", false));
        assertThat(alerts.listAlerts(ROOT, new AlertFilter(Optional.of(org), Optional.empty(), Optional.empty()),
                PageRequest.first()).items()).singleElement().extracting(AlertSnapshot::count).isEqualTo(1);
    }

    @Test
    void jooq_work_rolls_back_with_the_unit_of_work() {
        OrganizationId org = OrganizationId.random();

        assertThatThrownBy(() -> unitOfWork.run(() -> {
            organizations.add(Organization.create(org, "Rolled Back", Instant.now()));
            throw new IllegalStateException("a side effect failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(unitOfWork.inTransaction(() -> organizations.findById(org))).isEmpty();
    }
}
