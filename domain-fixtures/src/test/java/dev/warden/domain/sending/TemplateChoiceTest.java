package dev.warden.domain.sending;

import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.content.Body;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TemplateChoiceTest {

    private static TemplateContent positional(String body) {
        return TemplateContent.ofBody(ParameterFormat.POSITIONAL, body, Map.of());
    }

    private static TemplateSnapshot template(TemplateStatus status, TemplateContent content) {
        return aTemplate().withStatus(status).withContent(content).build().snapshot();
    }

    private final TemplateSnapshot pausedPrimary = template(TemplateStatus.PAUSED, positional("Hi {{1}}, order {{2}}."));
    private final TemplateSnapshot sameParameters = template(TemplateStatus.APPROVED,
            positional("Order {{2}} for {{1}} is in."));

    @Test
    void a_sendable_primary_is_sent_itself_even_when_a_fallback_is_named() {
        TemplateSnapshot primary = template(TemplateStatus.APPROVED, positional("Hi {{1}}, order {{2}}."));

        TemplateChoice choice = TemplateChoice.pick(primary, Optional.of(sameParameters));

        assertThat(choice.template()).isEqualTo(primary);
        assertThat(choice.fallbackFrom()).isEmpty();
    }

    @Test
    void a_sendable_fallback_with_the_same_parameters_stands_in_and_names_the_primary_and_its_status() {
        TemplateChoice choice = TemplateChoice.pick(pausedPrimary, Optional.of(sameParameters));

        assertThat(choice.template()).isEqualTo(sameParameters);
        assertThat(choice.fallbackFrom()).contains(new OutboundMessage.FallbackFrom(pausedPrimary.id(),
                pausedPrimary.name().value(), pausedPrimary.language().value(), TemplateStatus.PAUSED));
    }

    @Test
    void without_a_fallback_the_primary_is_refused_naming_its_status() {
        assertThatThrownBy(() -> TemplateChoice.pick(pausedPrimary, Optional.empty()))
                .isInstanceOf(TemplateNotSendable.class).hasMessageContaining("PAUSED")
                .isNotInstanceOf(FallbackNotSendable.class);
    }

    @Test
    void a_fallback_that_is_not_sendable_either_is_refused_naming_both() {
        TemplateSnapshot disabled = template(TemplateStatus.DISABLED, positional("Order {{2}} for {{1}}."));

        assertThatThrownBy(() -> TemplateChoice.pick(pausedPrimary, Optional.of(disabled)))
                .isInstanceOf(FallbackNotSendable.class)
                .hasMessageContaining(pausedPrimary.id().toString()).hasMessageContaining("PAUSED")
                .hasMessageContaining(disabled.id().toString()).hasMessageContaining("DISABLED");
    }

    @Test
    void a_fallback_whose_parameters_changed_since_the_mapping_was_saved_does_not_stand_in() {
        TemplateSnapshot fewer = template(TemplateStatus.APPROVED, positional("Order for {{1}}."));

        assertThatThrownBy(() -> TemplateChoice.pick(pausedPrimary, Optional.of(fewer)))
                .isInstanceOf(FallbackNotSendable.class).hasMessageContaining("BODY variables [1, 2] vs [1]");
    }

    @Test
    void a_fallback_must_be_of_the_same_waba_and_take_the_same_parameters() {
        TemplateChoice.requireFallbackFor(pausedPrimary, sameParameters);

        TemplateSnapshot otherWaba = aTemplate().withWaba(new WabaId("999")).withContent(
                positional("Hi {{1}}, order {{2}}.")).build().snapshot();
        assertThatThrownBy(() -> TemplateChoice.requireFallbackFor(pausedPrimary, otherWaba))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("fallbackTemplateId").hasMessageContaining("WABA");
        TemplateSnapshot named = template(TemplateStatus.APPROVED, TemplateContent.ofBody(ParameterFormat.NAMED,
                "Hi {{first_name}}, order {{order_id}}.", Map.of()));
        assertThatThrownBy(() -> TemplateChoice.requireFallbackFor(pausedPrimary, named))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("parameter format POSITIONAL vs NAMED");
        TemplateSnapshot unknown = aTemplate().withContent(null).build().snapshot();
        assertThatThrownBy(() -> TemplateChoice.requireFallbackFor(pausedPrimary, unknown))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("not known yet");
        assertThatThrownBy(() -> TemplateChoice.requireFallbackFor(pausedPrimary, pausedPrimary))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("another template");
    }

    @Test
    void header_and_url_button_variables_count_as_parameters_and_wording_does_not() {
        TemplateContent withHeader = new TemplateContent(ParameterFormat.POSITIONAL,
                Optional.of(Header.text("Order {{1}}")), new Body("Hi {{1}}.", Map.of()), Optional.empty(), List.of());
        TemplateContent withButton = new TemplateContent(ParameterFormat.POSITIONAL, Optional.empty(),
                new Body("Hello {{1}}!", Map.of()), Optional.empty(),
                List.of(Button.url("Track", "https://example.com/t/{{1}}")));
        TemplateContent plain = positional("Dear {{1}}, thanks.");

        assertThat(withHeader.parameterDifferences(plain)).containsExactly("HEADER variables [1] vs []");
        assertThat(withButton.parameterDifferences(plain)).containsExactly("BUTTONS[0] variables [1] vs []");
        assertThat(plain.parameterDifferences(positional("Thanks {{1}}"))).isEmpty();
    }

    @Test
    void two_bodies_take_the_same_parameters_exactly_when_they_have_the_same_variables() {
        qt().forAll(integers().between(0, 6), integers().between(0, 6)).checkAssert((a, b) -> {
            TemplateContent left = positional("Hi " + variables(a) + ".");
            TemplateContent right = positional("Dear " + variables(b) + " thanks.");
            assertThat(left.parameterDifferences(right).isEmpty()).isEqualTo(a.equals(b));
            assertThat(right.parameterDifferences(left).isEmpty()).isEqualTo(a.equals(b));
        });
    }

    private static String variables(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{{" + i + "}}").collect(Collectors.joining(" and "));
    }
}
