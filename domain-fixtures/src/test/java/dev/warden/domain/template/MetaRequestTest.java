package dev.warden.domain.template;

import static dev.warden.domain.fixtures.MetaReports.marker;
import static dev.warden.domain.fixtures.MetaReports.paused;
import static dev.warden.domain.fixtures.MetaReports.status;
import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MetaRequestTest {

    private static MessageTemplate in(TemplateStatus status) {
        return aTemplate().withStatus(status).build();
    }

    @Test
    void meta_deletes_what_it_knows_except_disabled_templates_and_ones_it_is_deleting() {
        for (TemplateStatus status : EnumSet.of(TemplateStatus.DISABLED, TemplateStatus.DELETED,
                TemplateStatus.PENDING_DELETION)) {
            assertThatThrownBy(() -> MetaRequest.DELETE.requireAllowedFor(in(status).snapshot()))
                    .isInstanceOf(MetaRequestRefused.class).hasMessageContaining("cannot be deleted");
        }
        for (TemplateStatus status : EnumSet.of(TemplateStatus.APPROVED, TemplateStatus.REJECTED,
                TemplateStatus.PAUSED, TemplateStatus.PENDING, TemplateStatus.ARCHIVED)) {
            assertThatCode(() -> MetaRequest.DELETE.requireAllowedFor(in(status).snapshot())).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> MetaRequest.DELETE.requireAllowedFor(aTemplate().withMetaId(null)
                .withStatus(TemplateStatus.DRAFT).build().snapshot())).hasMessageContaining("Meta does not know it");
    }

    @Test
    void only_a_pause_during_pacing_or_of_unknown_kind_is_lifted_on_request() {
        MessageTemplate paced = in(TemplateStatus.APPROVED);
        paced.apply(paused(PauseKind.RATE_LIMITING, T0), T0);
        MessageTemplate unknownKind = in(TemplateStatus.APPROVED);
        unknownKind.apply(paused(PauseKind.UNSPECIFIED, T0), T0);
        MessageTemplate quality = in(TemplateStatus.APPROVED);
        quality.apply(paused(PauseKind.FIRST, T0), T0);

        assertThatCode(() -> MetaRequest.UNPAUSE.requireAllowedFor(paced.snapshot())).doesNotThrowAnyException();
        assertThatCode(() -> MetaRequest.UNPAUSE.requireAllowedFor(unknownKind.snapshot())).doesNotThrowAnyException();
        assertThatThrownBy(() -> MetaRequest.UNPAUSE.requireAllowedFor(quality.snapshot()))
                .hasMessageContaining("lifts that pause itself").hasMessageContaining(T0.plusSeconds(3 * 3600).toString());
        assertThatThrownBy(() -> MetaRequest.UNPAUSE.requireAllowedFor(in(TemplateStatus.APPROVED).snapshot()))
                .hasMessageContaining("cannot be unpaused: it is APPROVED, not PAUSED");
        assertThatThrownBy(() -> MetaRequest.UNARCHIVE.requireAllowedFor(in(TemplateStatus.PAUSED).snapshot()))
                .hasMessageContaining("cannot be unarchived: it is PAUSED, not ARCHIVED");
    }

    @Test
    void what_metas_acceptance_means_is_applied_like_metas_own_report_of_it() {
        MessageTemplate paced = in(TemplateStatus.APPROVED);
        paced.apply(paused(PauseKind.RATE_LIMITING, T0), T0);
        MessageTemplate archived = in(TemplateStatus.APPROVED);
        archived.apply(status(TemplateStatus.REJECTED, T0), T0);
        archived.apply(status(TemplateStatus.ARCHIVED, T0.plusSeconds(1)), T0.plusSeconds(1));
        MessageTemplate deleted = in(TemplateStatus.APPROVED);
        Instant later = T0.plusSeconds(60);

        paced.apply(MetaRequest.UNPAUSE.granted(later), later);
        archived.apply(MetaRequest.UNARCHIVE.granted(later), later);
        deleted.apply(MetaRequest.DELETE.granted(later), later);

        assertThat(paced.status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(archived.status()).as("the status before the archive").isEqualTo(TemplateStatus.REJECTED);
        assertThat(deleted.status()).isEqualTo(TemplateStatus.DELETED);
        assertThat(MetaRequest.UNPAUSE.granted(later).source()).isEqualTo(ChangeSource.USER);
        assertThat(MetaRequest.UNPAUSE.requested(paced.snapshot(), "ann", later))
                .satisfies(line -> {
                    assertThat(line.event()).isEqualTo("UNPAUSE_REQUESTED");
                    assertThat(line.details()).containsEntry("author", "ann");
                });
    }

    @Test
    void metas_answer_is_dated_after_what_was_applied_and_before_metas_next_event() {
        MessageTemplate template = in(TemplateStatus.APPROVED);
        Instant answered = Instant.parse("2026-03-01T10:00:00.700Z");
        assertThat(MetaAnswerTime.of(template.snapshot(), answered)).isEqualTo(Instant.parse("2026-03-01T09:59:59Z"));

        template.apply(paused(PauseKind.RATE_LIMITING, Instant.parse("2026-03-01T10:00:00Z")),
                answered);
        Instant dated = MetaAnswerTime.of(template.snapshot(), answered);
        assertThat(dated).isEqualTo(Instant.parse("2026-03-01T10:00:00.001Z"));
        template.apply(MetaRequest.UNPAUSE.granted(dated), answered);
        assertThat(template.status()).as("not taken for stale").isEqualTo(TemplateStatus.APPROVED);

        template.apply(marker(StatusMarker.FLAGGED, Instant.parse("2026-03-01T10:00:05Z")), answered);
        assertThat(MetaAnswerTime.of(template.snapshot(), answered)).isEqualTo(Instant.parse("2026-03-01T10:00:05.001Z"));
    }
}
