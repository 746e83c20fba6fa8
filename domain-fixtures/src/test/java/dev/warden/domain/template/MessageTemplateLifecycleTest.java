package dev.warden.domain.template;

import static dev.warden.domain.fixtures.MetaReports.categoryChanged;
import static dev.warden.domain.fixtures.MetaReports.categoryImpending;
import static dev.warden.domain.fixtures.MetaReports.flagged;
import static dev.warden.domain.fixtures.MetaReports.paused;
import static dev.warden.domain.fixtures.MetaReports.quality;
import static dev.warden.domain.fixtures.MetaReports.rejected;
import static dev.warden.domain.fixtures.MetaReports.status;
import static dev.warden.domain.fixtures.MetaReports.unknown;
import static dev.warden.domain.fixtures.MetaReports.marker;
import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.Footer;
import dev.warden.domain.template.content.Body;
import dev.warden.domain.template.content.HeaderFormat;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTemplateLifecycleTest {

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static MessageTemplate stub() {
        return MessageTemplate.discovered(TemplateId.random(), OrganizationId.random(),
                aTemplate().key(), new TemplateName("order_update"), new LanguageCode("en-US"),
                TemplateCategory.UTILITY, T0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVED", "REJECTED", "PENDING", "PAUSED", "DISABLED", "IN_APPEAL",
            "PENDING_DELETION", "DELETED", "LIMIT_EXCEEDED", "LOCKED", "ARCHIVED"})
    void every_status_meta_documents_becomes_the_template_status(String event) {
        MessageTemplate template = stub();

        ChangeOutcome outcome = template.apply(status(TemplateStatus.valueOf(event), t(1)), t(2));

        assertThat(outcome.result()).isEqualTo(Result.APPLIED);
        assertThat(template.status()).isEqualTo(TemplateStatus.valueOf(event));
        assertThat(outcome.history()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(HistoryKind.STATUS);
            assertThat(entry.previous()).isEqualTo("UNKNOWN");
            assertThat(entry.current()).isEqualTo(event);
            assertThat(entry.stale()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED_FOR_REVIEW", "RED", "GREEN", "QUALITY_CHANGE", ""})
    void an_unknown_event_is_kept_as_unrecognised_and_changes_nothing(String event) {
        MessageTemplate template = aTemplate().build();

        ChangeOutcome outcome = template.apply(unknown(event, t(1)), t(2));

        assertThat(outcome.result()).isEqualTo(Result.UNRECOGNISED);
        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(template.quality()).isEqualTo(QualityRating.GREEN);
        assertThat(outcome.history()).singleElement().extracting(TemplateHistoryEntry::kind).isEqualTo(HistoryKind.UNRECOGNISED);
        assertThat(outcome.events()).singleElement().isInstanceOf(TemplateEvent.UnrecognisedEventReceived.class);
    }

    @Test
    void an_older_change_arriving_after_a_newer_one_is_recorded_as_stale() {
        MessageTemplate template = aTemplate().withStatus(TemplateStatus.PENDING).build();
        template.apply(status(TemplateStatus.APPROVED, t(20)), t(21));

        ChangeOutcome late = template.apply(paused(PauseKind.FIRST, t(10)), t(22));

        assertThat(late.result()).isEqualTo(Result.STALE);
        assertThat(late.history()).singleElement().satisfies(entry -> {
            assertThat(entry.stale()).isTrue();
            assertThat(entry.previous()).isEqualTo("APPROVED");
            assertThat(entry.current()).isEqualTo("PAUSED");
        });
        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(template.snapshot().pauseCount()).isZero();
    }

    @Test
    void kinds_do_not_block_each_other() {
        MessageTemplate template = aTemplate().build();
        template.apply(quality(QualityRating.GREEN, QualityRating.YELLOW, t(100)), t(100));

        ChangeOutcome status = template.apply(paused(PauseKind.FIRST, t(50)), t(101));

        assertThat(status.result()).isEqualTo(Result.APPLIED);
        assertThat(template.status()).isEqualTo(TemplateStatus.PAUSED);
    }

    @Test
    void in_the_same_second_the_more_restrictive_status_wins_and_both_are_in_history() {
        MessageTemplate pausedFirst = aTemplate().build();
        pausedFirst.apply(paused(PauseKind.FIRST, t(5)), t(5));
        ChangeOutcome approval = pausedFirst.apply(status(TemplateStatus.APPROVED, t(5)), t(6));

        assertThat(approval.result()).isEqualTo(Result.STALE);
        assertThat(approval.history()).singleElement().satisfies(entry -> {
            assertThat(entry.current()).isEqualTo("APPROVED");
            assertThat(entry.details()).containsEntry("lostTieTo", "PAUSED");
        });
        assertThat(pausedFirst.status()).isEqualTo(TemplateStatus.PAUSED);

        MessageTemplate approvedFirst = aTemplate().withStatus(TemplateStatus.PENDING).build();
        approvedFirst.apply(status(TemplateStatus.APPROVED, t(5)), t(5));
        assertThat(approvedFirst.apply(paused(PauseKind.FIRST, t(5)), t(6)).result())
                .isEqualTo(Result.APPLIED);
        assertThat(approvedFirst.status()).isEqualTo(TemplateStatus.PAUSED);
    }

    @Test
    void a_redelivered_change_is_a_duplicate_without_history() {
        MessageTemplate template = aTemplate().build();
        template.apply(paused(PauseKind.FIRST, t(5)), t(5));

        ChangeOutcome again = template.apply(paused(PauseKind.FIRST, t(5)), t(9));

        assertThat(again.result()).isEqualTo(Result.DUPLICATE);
        assertThat(again.history()).isEmpty();
        assertThat(again.events()).isEmpty();
        assertThat(template.snapshot().pauseCount()).isEqualTo(1);
    }

    @Test
    void counts_pauses_and_knows_when_meta_unpauses() {
        MessageTemplate template = aTemplate().build();
        template.apply(paused(PauseKind.FIRST, t(0)), t(0));
        template.apply(status(TemplateStatus.APPROVED, t(3 * 3600)), t(3 * 3600));
        template.apply(paused(PauseKind.SECOND, t(4 * 3600)), t(4 * 3600));

        TemplateSnapshot snapshot = template.snapshot();
        assertThat(snapshot.pauseCount()).isEqualTo(2);
        assertThat(snapshot.pause()).get().satisfies(pause -> {
            assertThat(pause.title()).isEqualTo("SECOND_PAUSE");
            assertThat(pause.expectedUntil(2)).contains(t(4 * 3600).plus(Duration.ofHours(6)));
        });
        assertThat(snapshot.sendable()).isFalse();
    }

    @Test
    void flagged_is_a_marker_and_the_template_stays_sendable() {
        MessageTemplate template = aTemplate().build();

        ChangeOutcome outcome = template.apply(flagged("January 31, 2027", t(1)), t(1));

        assertThat(outcome.events()).singleElement().isInstanceOf(TemplateEvent.Flagged.class);
        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(template.snapshot().flagged()).isTrue();
        assertThat(template.snapshot().flagDisableDate()).isEqualTo("January 31, 2027");
        template.requireSendable();

        template.apply(marker(StatusMarker.REINSTATED, t(2)), t(2));
        assertThat(template.snapshot().flagged()).isFalse();
    }

    @Test
    void reinstated_brings_a_disabled_template_back_to_approved() {
        MessageTemplate template = aTemplate().withStatus(TemplateStatus.DISABLED).build();

        ChangeOutcome outcome = template.apply(marker(StatusMarker.REINSTATED, t(1)), t(1));

        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(outcome.events()).singleElement().isInstanceOf(TemplateEvent.StatusChanged.class);
    }

    @Test
    void unarchived_restores_the_status_before_the_archive() {
        MessageTemplate template = aTemplate().withStatus(TemplateStatus.REJECTED).build();
        template.apply(status(TemplateStatus.ARCHIVED, t(1)), t(1));

        template.apply(marker(StatusMarker.UNARCHIVED, t(2)), t(2));

        assertThat(template.status()).isEqualTo(TemplateStatus.REJECTED);
        MessageTemplate archivedBeforeWardenKnewIt = aTemplate().withStatus(TemplateStatus.ARCHIVED).build();
        archivedBeforeWardenKnewIt.apply(marker(StatusMarker.UNARCHIVED, t(2)), t(2));
        assertThat(archivedBeforeWardenKnewIt.status()).isEqualTo(TemplateStatus.UNKNOWN);
    }

    @Test
    void keeps_the_rejection_reason_and_recommendation() {
        MessageTemplate template = aTemplate().withStatus(TemplateStatus.PENDING).build();

        template.apply(rejected("INVALID_FORMAT", "Add text between the variables", t(1)), t(1));

        assertThat(template.snapshot().rejection()).contains(
                new Rejection("INVALID_FORMAT", "Add text between the variables"));
        assertThatThrownBy(template::requireSendable).isInstanceOf(TemplateNotSendable.class)
                .hasMessageContaining("REJECTED");
        template.apply(status(TemplateStatus.APPROVED, t(2)), t(2));
        assertThat(template.snapshot().rejection()).isEmpty();
    }

    @Test
    void records_quality_changes() {
        MessageTemplate template = aTemplate().build();

        ChangeOutcome outcome = template.apply(quality(QualityRating.GREEN, QualityRating.RED, t(1)), t(1));

        assertThat(template.quality()).isEqualTo(QualityRating.RED);
        assertThat(outcome.history()).singleElement().extracting(TemplateHistoryEntry::kind).isEqualTo(HistoryKind.QUALITY);
        assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
    }

    @Test
    void an_impending_category_change_keeps_the_category_until_it_lands() {
        MessageTemplate template = aTemplate().withCategory(TemplateCategory.UTILITY).build();
        Instant effective = t(86_400);

        template.apply(categoryImpending(TemplateCategory.MARKETING, effective, t(1)), t(1));

        assertThat(template.category()).isEqualTo(TemplateCategory.UTILITY);
        assertThat(template.snapshot().pendingCategory()).contains(
                new PendingCategoryChange(TemplateCategory.MARKETING, effective));

        template.apply(categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, t(86_400)), t(86_400));
        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(template.snapshot().pendingCategory()).isEmpty();
    }

    @Test
    void a_category_change_with_only_the_new_category_applies() {
        MessageTemplate template = aTemplate().withCategory(TemplateCategory.UTILITY).build();

        ChangeOutcome outcome = template.apply(categoryChanged(null, TemplateCategory.MARKETING, t(1)), t(1));

        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(outcome.events()).singleElement().isInstanceOf(TemplateEvent.CategoryChanged.class);
    }

    @Test
    void a_legacy_category_is_kept_as_unknown_with_the_raw_value_in_history() {
        MessageTemplate template = aTemplate().build();

        ChangeOutcome outcome = template.apply(new ReportedChange.CategoryCompleted(TemplateCategory.UNKNOWN,
                "TRANSACTIONAL", "UTILITY", t(1), ChangeSource.WEBHOOK), t(1));

        assertThat(template.category()).isEqualTo(TemplateCategory.UNKNOWN);
        assertThat(outcome.history().get(0).details()).containsEntry("reportedCategory", "TRANSACTIONAL");
    }

    @Test
    void a_stub_gets_its_category_from_the_first_status_event_that_names_one() {
        MessageTemplate template = MessageTemplate.discovered(TemplateId.random(), OrganizationId.random(),
                aTemplate().key(), new TemplateName("x"), new LanguageCode("en"), TemplateCategory.UNKNOWN, T0);

        template.apply(status(TemplateStatus.APPROVED, t(1)).withCategory(TemplateCategory.MARKETING), t(1));

        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
    }

    @Test
    void language_codes_with_dash_or_underscore_are_equal() {
        assertThat(new LanguageCode("en-US")).isEqualTo(new LanguageCode("en_US"));
        assertThat(new LanguageCode("pt-BR").value()).isEqualTo("pt_BR");
    }

    @Test
    void meta_template_ids_above_two_to_the_53_stay_exact() {
        MetaTemplateId id = new MetaTemplateId("9007199254740993");

        assertThat(id.value()).isEqualTo("9007199254740993");
        assertThat(new MetaTemplateId("0042").value()).isEqualTo("42");
        assertThatThrownBy(() -> new MetaTemplateId("1.6e15")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_newer_status_event_confirming_the_category_makes_an_older_one_naming_another_stale() {
        MessageTemplate template = aTemplate().withCategory(TemplateCategory.MARKETING).build();
        template.apply(status(TemplateStatus.APPROVED, t(30)).withCategory(TemplateCategory.MARKETING), t(30));

        template.apply(status(TemplateStatus.APPROVED, t(20)).withCategory(TemplateCategory.UTILITY), t(31));

        assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(template.awaitsCategoryConsent()).isFalse();
    }

    @Test
    void a_flag_older_than_the_disable_that_cleared_it_does_not_flag_again() {
        MessageTemplate template = aTemplate().build();
        template.apply(status(TemplateStatus.DISABLED, t(30)), t(30));

        ChangeOutcome late = template.apply(flagged("January 31, 2027", t(10)), t(31));

        assertThat(late.result()).isEqualTo(Result.STALE);
        assertThat(template.snapshot().flagged()).isFalse();
    }

    @Test
    void reinstated_in_the_same_second_as_a_disable_loses_the_tie_in_either_order() {
        MessageTemplate disabledFirst = aTemplate().build();
        disabledFirst.apply(status(TemplateStatus.DISABLED, t(5)), t(5));
        disabledFirst.apply(marker(StatusMarker.REINSTATED, t(5)), t(6));

        MessageTemplate reinstatedFirst = aTemplate().withStatus(TemplateStatus.PAUSED).build();
        reinstatedFirst.apply(marker(StatusMarker.REINSTATED, t(5)), t(5));
        reinstatedFirst.apply(status(TemplateStatus.DISABLED, t(5)), t(6));

        assertThat(disabledFirst.status()).isEqualTo(TemplateStatus.DISABLED);
        assertThat(reinstatedFirst.status()).isEqualTo(TemplateStatus.DISABLED);
    }

    @Test
    void a_components_webhook_that_repeats_the_current_wording_makes_no_new_version() {
        TemplateContent written = new TemplateContent(ParameterFormat.NAMED,
                Optional.of(new Header(HeaderFormat.TEXT, "Order {{order_id}}", Map.of("order_id", "A-1"))),
                new Body("Hi {{first_name}}, your order ships today.", Map.of("first_name", "Ana")),
                Optional.of(new Footer("Acme")), List.of(Button.url("Track", "https://acme.example/t")));
        MessageTemplate template = aTemplate().withContent(written).build();
        // What Meta's components webhook carries: the words, without examples.
        TemplateContent reported = new TemplateContent(ParameterFormat.NAMED,
                Optional.of(Header.text("Order {{order_id}}")),
                new Body("Hi {{first_name}}, your order ships today.", Map.of()),
                Optional.of(new Footer("Acme")), List.of(Button.url("Track", "https://acme.example/t")));

        ChangeOutcome repeated = template.apply(MetaReports.content(reported, t(1)), t(1));
        ChangeOutcome edited = template.apply(MetaReports.content(TemplateContent.ofBody(ParameterFormat.NAMED,
                "Hi {{first_name}}, your order left today.", Map.of()), t(2)), t(2));

        assertThat(repeated.result()).isEqualTo(Result.DUPLICATE);
        assertThat(repeated.newVersion()).isEmpty();
        assertThat(edited.newVersion()).get().extracting(v -> v.number()).isEqualTo(2);
    }
}
