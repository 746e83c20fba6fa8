package dev.warden.application.service;

import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.ServerLog;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.governance.AutoPausePolicy;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendResult;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The circuit breaker over the in-memory domain, with a stand-in for Meta's template read. */
class CircuitBreakerTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId org = warden.anOrganization("Acme");
    private final WabaId waba = new WabaId("104400500600700");
    private final MessageTemplate offer = warden.store(aTemplate().in(org).withWaba(waba).named("offer"));
    private final MessageTemplate notice = warden.store(aTemplate().in(org).withWaba(waba).named("notice"));
    private final StandInMeta meta = new StandInMeta();
    private final List<String> warnings = new ArrayList<>();
    private final CircuitBreaker breaker = new CircuitBreaker(new GovernancePorts(warden.templates, warden.history,
            warden.versions, warden.quality, warden.campaigns, warden.alerts, warden.organizations,
            AutoPausePolicy.WHEN_NOT_SENDABLE), meta, new Alerting(warden.alerts), new PassThroughUnitOfWork(),
            warden.events, new Warnings(), warden.clock);

    /** Meta's template read: answers {@code status}, or fails while {@code down}. */
    private static final class StandInMeta implements MetaTemplateCatalog {
        TemplateStatus status = TemplateStatus.APPROVED;
        boolean down;
        int asked;

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public MetaTemplatePage page(WabaId wabaId, String after) {
            throw new UnsupportedOperationException("not read here");
        }

        @Override
        public Optional<MetaTemplateView> template(WabaId wabaId, MetaTemplateId id) {
            asked++;
            if (down) {
                throw new MetaCallFailed(MetaCallFailed.Kind.UNAVAILABLE, "Meta is away");
            }
            // No category or quality: only the status is asked about here.
            return Optional.of(new MetaTemplateView(id, "offer", "en_US", StatusEvent.of(status), null, null,
                    QualityRating.UNKNOWN, null));
        }
    }

    private final class Warnings implements ServerLog {
        @Override
        public void internalError(String reference, String what, Throwable cause) {
            throw new AssertionError(what, cause);
        }

        @Override
        public void warning(String what) {
            warnings.add(what);
        }

        @Override
        public void warning(String what, Throwable cause) {
            warnings.add(what);
        }
    }

    private void refused(MessageTemplate template, SendRefusal refusal) {
        OutboundMessage message = OutboundMessage.template(SendProvider.META, waba, Optional.of("1065"),
                Recipient.parse("+919810012345"), new OutboundMessage.TemplateRef(template.id(), "offer", "en_US",
                        TemplateCategory.MARKETING, ParameterFormat.POSITIONAL), List.of(), List.of(),
                Optional.empty());
        breaker.refused(org, message, new SendResult.Refused(refusal, "refused", Optional.empty()));
    }

    private List<HoldCause> causes(CampaignId id) {
        return warden.campaigns.findById(org, id).orElseThrow().snapshot().holds().stream().map(Hold::cause).toList();
    }

    private List<AlertSnapshot> alerts(AlertType type) {
        return warden.alerts.list(new AlertFilter(Optional.of(org), Optional.empty(), Optional.empty()),
                PageRequest.first()).items().stream().filter(a -> a.type() == type).toList();
    }

    @Test
    void a_burst_of_paused_sends_on_an_approved_template_asks_meta_once_and_holds_the_whole_waba() {
        CampaignId offerCampaign = warden.aRunningCampaign(org, offer.id());
        CampaignId noticeCampaign = warden.aRunningCampaign(org, notice.id());
        MessageTemplate elsewhere = warden.store(aTemplate().in(org).withWaba(new WabaId("104400500600799")));
        CampaignId otherWaba = warden.aRunningCampaign(org, elsewhere.id());

        refused(offer, SendRefusal.TEMPLATE_PAUSED);
        refused(offer, SendRefusal.TEMPLATE_PAUSED);
        refused(offer, SendRefusal.TEMPLATE_PAUSED);

        assertThat(meta.asked).isEqualTo(1);
        assertThat(causes(offerCampaign)).containsExactly(HoldCause.PORTFOLIO_PACING);
        assertThat(causes(noticeCampaign)).containsExactly(HoldCause.PORTFOLIO_PACING);
        assertThat(causes(otherWaba)).isEmpty();
        assertThat(alerts(AlertType.PORTFOLIO_PACING)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.details()).containsEntry("wabaId", waba.value())
                    .containsEntry("templateId", offer.id().toString());
        });
        assertThat(warden.templates.findById(org, offer.id()).orElseThrow().snapshot().status())
                .isEqualTo(TemplateStatus.APPROVED);
    }

    @Test
    void a_paused_answer_pauses_the_template_as_reconciliation_would() {
        CampaignId campaign = warden.aRunningCampaign(org, offer.id());
        meta.status = TemplateStatus.PAUSED;

        refused(offer, SendRefusal.TEMPLATE_PAUSED);

        assertThat(warden.templates.findById(org, offer.id()).orElseThrow().snapshot().status())
                .isEqualTo(TemplateStatus.PAUSED);
        assertThat(causes(campaign)).containsExactlyInAnyOrder(HoldCause.SEND_ERROR, HoldCause.TEMPLATE_STATUS);
        assertThat(alerts(AlertType.TEMPLATE_PAUSED)).hasSize(1);
        assertThat(alerts(AlertType.PORTFOLIO_PACING)).isEmpty();
    }

    @Test
    void a_disabled_template_is_held_without_asking_and_meta_away_leaves_the_send_error_hold() {
        CampaignId disabled = warden.aRunningCampaign(org, notice.id());
        refused(notice, SendRefusal.TEMPLATE_DISABLED);
        assertThat(meta.asked).isZero();
        assertThat(causes(disabled)).containsExactly(HoldCause.SEND_ERROR);
        assertThat(warden.campaigns.findById(org, disabled).orElseThrow().status()).isEqualTo(CampaignStatus.PAUSED);

        CampaignId paused = warden.aRunningCampaign(org, offer.id());
        meta.down = true;
        refused(offer, SendRefusal.TEMPLATE_PAUSED);
        assertThat(causes(paused)).containsExactly(HoldCause.SEND_ERROR);
        assertThat(warnings).singleElement().asString().contains("could not be asked");

        // Inside the window Meta is not asked again; after it, it is.
        meta.down = false;
        refused(offer, SendRefusal.TEMPLATE_PAUSED);
        assertThat(meta.asked).isEqualTo(1);
        warden.clock.advance(ConfirmationCoolDown.WINDOW.plus(Duration.ofSeconds(1)));
        refused(offer, SendRefusal.TEMPLATE_PAUSED);
        assertThat(meta.asked).isEqualTo(2);
        assertThat(causes(paused)).containsExactly(HoldCause.PORTFOLIO_PACING);
    }

    @Test
    void other_refusals_hold_nothing() {
        CampaignId campaign = warden.aRunningCampaign(org, offer.id());
        for (SendRefusal refusal : SendRefusal.values()) {
            if (refusal != SendRefusal.TEMPLATE_PAUSED && refusal != SendRefusal.TEMPLATE_DISABLED) {
                refused(offer, refusal);
            }
        }
        assertThat(causes(campaign)).isEmpty();
        assertThat(meta.asked).isZero();
    }

    @Test
    void the_cool_down_remembers_a_bounded_number_of_templates() {
        ConfirmationCoolDown coolDown = new ConfirmationCoolDown();
        TemplateId first = TemplateId.random();
        java.time.Instant now = warden.clock.instant();
        assertThat(coolDown.claim(first, now)).isInstanceOf(ConfirmationCoolDown.Decision.Ask.class);
        assertThat(coolDown.claim(first, now)).isInstanceOf(ConfirmationCoolDown.Decision.Answered.class);
        for (int i = 0; i < ConfirmationCoolDown.MAX_TEMPLATES; i++) {
            coolDown.claim(TemplateId.random(), now);
        }
        assertThat(coolDown.claim(first, now)).isInstanceOf(ConfirmationCoolDown.Decision.Ask.class);
    }
}
