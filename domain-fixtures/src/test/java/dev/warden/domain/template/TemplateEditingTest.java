package dev.warden.domain.template;

import static dev.warden.domain.fixtures.MetaReports.content;
import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static dev.warden.domain.fixtures.TemplateFixtures.orderContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.content.InvalidTemplateContent;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.version.ComponentChange;
import dev.warden.domain.template.version.EditPolicy;
import dev.warden.domain.template.version.EditRefused;
import dev.warden.domain.template.version.TemplateVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateEditingTest {

    private static TemplateContent body(String text) {
        return TemplateContent.ofBody(ParameterFormat.NAMED, text + " Thanks {{first_name}} for shopping with us.",
                Map.of("first_name", "Ana"));
    }

    @Test
    void a_draft_starts_at_version_one_and_refuses_content_meta_would_reject() {
        MessageTemplate draft = MessageTemplate.draft(TemplateId.random(), OrganizationId.random(),
                dev.warden.domain.fixtures.TemplateFixtures.WABA, new TemplateName("welcome"), new LanguageCode("en"),
                TemplateCategory.MARKETING, orderContent(), T0);

        assertThat(draft.status()).isEqualTo(TemplateStatus.DRAFT);
        assertThat(draft.version("alice", "created", T0).number()).isEqualTo(1);
        assertThatThrownBy(() -> MessageTemplate.draft(TemplateId.random(), OrganizationId.random(),
                dev.warden.domain.fixtures.TemplateFixtures.WABA, new TemplateName("bad"), new LanguageCode("en"),
                TemplateCategory.MARKETING, TemplateContent.ofBody(ParameterFormat.POSITIONAL, "{{1}} {{2}}", Map.of()),
                T0)).isInstanceOf(InvalidTemplateContent.class).hasMessageContaining("must not start with a variable");
    }

    @Test
    void an_edit_makes_a_new_immutable_version() {
        MessageTemplate template = aTemplate().withStatus(TemplateStatus.REJECTED).build();

        ChangeOutcome outcome = template.edit(body("Your parcel left the depot."), null, "alice", "fix wording",
                EditPolicy.META_LIMITS, T0);

        TemplateVersion v2 = outcome.newVersion().orElseThrow();
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.author()).isEqualTo("alice");
        assertThat(template.snapshot().content()).contains(v2.content());
        assertThat(outcome.history()).singleElement().extracting(TemplateHistoryEntry::source).isEqualTo(ChangeSource.USER);
    }

    @Test
    void an_approved_template_allows_one_edit_a_day_and_ten_a_month() {
        MessageTemplate template = aTemplate().build();
        Instant now = T0;
        template.edit(body("Edit 1."), null, "alice", "e1", EditPolicy.META_LIMITS, now);

        assertThatThrownBy(() -> template.edit(body("Edit 2."), null, "alice", "e2", EditPolicy.META_LIMITS,
                T0.plus(Duration.ofHours(23)))).isInstanceOf(EditRefused.class).hasMessageContaining("24 hours");
        for (int i = 2; i <= 10; i++) {
            now = now.plus(Duration.ofHours(25));
            template.edit(body("Edit " + i + "."), null, "alice", "e" + i, EditPolicy.META_LIMITS, now);
        }
        Instant eleventh = now.plus(Duration.ofHours(25));
        assertThatThrownBy(() -> template.edit(body("Edit 11."), null, "alice", "e11", EditPolicy.META_LIMITS,
                eleventh)).isInstanceOf(EditRefused.class).hasMessageContaining("30 days");
    }

    @Test
    void rejected_and_paused_templates_have_no_edit_limit_but_pending_ones_cannot_be_edited() {
        MessageTemplate rejected = aTemplate().withStatus(TemplateStatus.REJECTED).build();
        rejected.edit(body("One."), null, "alice", "1", EditPolicy.META_LIMITS, T0);
        rejected.edit(body("Two."), null, "alice", "2", EditPolicy.META_LIMITS, T0.plusSeconds(1));

        MessageTemplate pending = aTemplate().withStatus(TemplateStatus.PENDING).build();
        assertThatThrownBy(() -> pending.edit(body("Three."), null, "alice", "3", EditPolicy.META_LIMITS, T0))
                .isInstanceOf(EditRefused.class).hasMessageContaining("PENDING");
    }

    @Test
    void the_category_of_an_approved_template_cannot_be_edited() {
        MessageTemplate template = aTemplate().withCategory(TemplateCategory.UTILITY).build();

        assertThatThrownBy(() -> template.edit(orderContent(), TemplateCategory.MARKETING, "alice", "recategorise",
                EditPolicy.META_LIMITS, T0)).isInstanceOf(EditRefused.class).hasMessageContaining("category");
    }

    @Test
    void a_rollback_is_a_new_version_equal_to_the_old_one() {
        MessageTemplate template = aTemplate().withStatus(TemplateStatus.REJECTED).build();
        TemplateVersion v1 = template.version("alice", "created", T0);
        TemplateVersion v2 = template.edit(body("Changed."), null, "alice", "edit", EditPolicy.META_LIMITS, T0)
                .newVersion().orElseThrow();

        TemplateVersion v3 = template.rollbackTo(v1, "bob", EditPolicy.META_LIMITS, T0.plusSeconds(5))
                .newVersion().orElseThrow();

        assertThat(v3.number()).isEqualTo(3);
        assertThat(v3.content()).isEqualTo(v1.content());
        assertThat(v3.note()).isEqualTo("rollback to v1");
        assertThat(v1.diffTo(v3).isEmpty()).isTrue();
        assertThat(v2.diffTo(v3).changes()).extracting(ComponentChange::component).contains("BODY");
    }

    @Test
    void meta_reported_content_becomes_a_version_by_meta() {
        MessageTemplate template = aTemplate().build();

        ChangeOutcome outcome = template.apply(content(body("Meta edited."), T0.plusSeconds(3)), T0.plusSeconds(4));

        assertThat(outcome.newVersion()).get().satisfies(v -> {
            assertThat(v.number()).isEqualTo(2);
            assertThat(v.author()).isEqualTo(TemplateVersion.META_AUTHOR);
        });
        assertThat(template.apply(content(body("Meta edited."), T0.plusSeconds(3)), T0.plusSeconds(9)).result())
                .isEqualTo(ChangeOutcome.Result.DUPLICATE);
    }

    @Test
    void only_a_draft_meta_never_saw_is_deleted_locally() {
        MessageTemplate draft = MessageTemplate.draft(TemplateId.random(), OrganizationId.random(),
                dev.warden.domain.fixtures.TemplateFixtures.WABA, new TemplateName("welcome"), new LanguageCode("en"),
                TemplateCategory.MARKETING, orderContent(), T0);

        draft.requireDeletableLocally();
        for (TemplateStatus status : new TemplateStatus[] {TemplateStatus.APPROVED, TemplateStatus.REJECTED,
                TemplateStatus.DISABLED}) {
            assertThatThrownBy(() -> aTemplate().withStatus(status).build().requireDeletableLocally())
                    .isInstanceOf(TemplateDeletionRefused.class).hasMessageContaining("Meta knows it (status " + status);
        }
        assertThatThrownBy(() -> aTemplate().withStatus(TemplateStatus.DRAFT).build().requireDeletableLocally())
                .as("a draft that has a Meta id was submitted").isInstanceOf(TemplateDeletionRefused.class);
    }
}
