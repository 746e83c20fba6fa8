package dev.warden.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.domain.shared.DisplayNames;
import dev.warden.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void strips_and_keeps_a_plain_name() {
        assertThat(DisplayNames.require("name", "  Spring sale \u00e9 ", 20)).isEqualTo("Spring sale \u00e9");
    }

    @Test
    void any_name_is_either_refused_as_invalid_or_stored_stripped_without_control_characters() {
        qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 30)).checkAssert(name -> {
            String stored;
            try {
                stored = DisplayNames.require("name", name, 20);
            } catch (InvalidValue refused) {
                assertThat(name.isBlank() || name.strip().length() > 20
                        || name.strip().chars().anyMatch(Character::isISOControl)).as(name).isTrue();
                return;
            }
            assertThat(stored).isEqualTo(name.strip()).isNotBlank().hasSizeLessThanOrEqualTo(20);
            assertThat(stored.chars().noneMatch(Character::isISOControl)).isTrue();
        });
    }

    @Test
    void names_the_field_it_refuses() {
        assertThatThrownBy(() -> DisplayNames.require("campaign name", "a\u0000b", 20))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("campaign name");
    }
}
