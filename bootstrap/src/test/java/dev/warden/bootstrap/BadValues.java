package dev.warden.bootstrap;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of query values a server must refuse, one kind per parameter shape. Built bad rather than
 * filtered out of arbitrary text: a filter that rejects most candidates makes QuickTheories give up
 * before the property is checked at all.
 */
final class BadValues {

    /** Arbitrary text; a prefix or suffix below makes it bad whatever it holds. */
    private static final Gen<String> TEXT = strings().allPossible().ofLengthBetween(0, 20);

    private BadValues() {
    }

    /** Not a whole number in [min, max]: words, decimals, numbers just or far outside. */
    static Gen<String> notANumberBetween(int min, int max) {
        Gen<String> below = min == Integer.MIN_VALUE ? Generate.constant("-2147483649")
                : integers().between(Integer.MIN_VALUE, min - 1).map(number -> String.valueOf(number));
        Gen<String> above = max == Integer.MAX_VALUE ? longs().between(2147483648L, Long.MAX_VALUE).map(number -> String.valueOf(number))
                : integers().between(max + 1, Integer.MAX_VALUE).map(number -> String.valueOf(number));
        return Generate.frequency(
                Pair.of(2, below),
                Pair.of(2, above),
                Pair.of(2, TEXT.map(text -> "x" + text)),
                Pair.of(1, Generate.pick(List.of("1e3", "0x10", "NaN", "1.5", "99999999999999999999", "--1"))));
    }

    /** Not one of the allowed names in any letter case: a character no enum constant holds comes first. */
    static Gen<String> notOneOf() {
        return Generate.frequency(
                Pair.of(3, TEXT.map(text -> "?" + text)),
                Pair.of(1, Generate.pick(List.of("approve d", "1", "%00", "x".repeat(1500)))));
    }

    /** Not a UUID: text that starts with a letter no UUID holds, or near misses of the canonical form. */
    static Gen<String> notAUuid() {
        return Generate.frequency(
                Pair.of(3, TEXT.map(text -> "z" + text)),
                Pair.of(1, Generate.pick(List.of("00000000-0000-0000-0000-00000000000", "0-0-0-0-0",
                        "00000000-0000-0000-0000-0000000000000", "{00000000-0000-0000-0000-000000000000}"))));
    }

    /** Not 1 to 32 decimal digits: letters, signs, or too many digits. */
    static Gen<String> notAnId() {
        return Generate.frequency(
                Pair.of(3, TEXT.map(text -> "x" + text)),
                Pair.of(1, integers().between(33, 60).map("1"::repeat)),
                Pair.of(1, Generate.pick(List.of("-1", "+1", "1.0", "1e3"))));
    }

    /** Text with a control character inside, or longer than maxLength. */
    static Gen<String> controlOrLongerThan(int maxLength) {
        return Generate.frequency(
                Pair.of(3, TEXT.zip(integers().between(1, 0x1f), TEXT,
                        (before, control, after) -> "a" + before + (char) control.intValue() + after + "a")),
                Pair.of(1, integers().between(maxLength + 1, maxLength + 200).map("a"::repeat)));
    }

    /** Whether a query value is an integer a well-behaved server accepts between min and max. */
    static boolean number(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            return number >= min && number <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The names of an enum's constants, as the API accepts them. */
    static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
