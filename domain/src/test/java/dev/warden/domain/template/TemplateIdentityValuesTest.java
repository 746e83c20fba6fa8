package dev.warden.domain.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.InvalidValue;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The values a template is known by: Meta's id and WABA id (digits), its name and its language. */
class TemplateIdentityValuesTest {

    @Test
    void a_meta_template_id_is_its_number_in_decimal_without_leading_zeros() {
        qt().forAll(integers().between(0, 31), longs().between(0, Long.MAX_VALUE)).checkAssert((zeros, number) -> {
            String text = "0".repeat(zeros) + number;
            if (text.length() > 32) {
                assertThatThrownBy(() -> new MetaTemplateId(text)).isInstanceOf(InvalidValue.class);
                return;
            }
            assertThat(new MetaTemplateId(text).value()).isEqualTo(new BigInteger(text).toString());
        });
        assertThat(new MetaTemplateId("0").value()).isEqualTo("0");
        assertThat(new MetaTemplateId("000").value()).isEqualTo("0");
    }

    @Test
    void anything_but_1_to_32_digits_is_not_an_id() {
        // Near misses: digits with one foreign character put anywhere (a letter, a space, a line break, a sign, an
        // Arabic-Indic digit), and runs of 33 to 40 digits; a check that only searched for digits would pass them.
        qt().forAll(longs().between(0, Long.MAX_VALUE), integers().between(0, 19),
                        arbitrary().pick("a", " ", "\n", "-", "+", "\u0663", ""), integers().between(0, 40))
                .assuming((number, at, foreign, extra) -> !foreign.isEmpty() || String.valueOf(number).length() + extra > 32)
                .checkAssert((number, at, foreign, extra) -> {
                    String digits = String.valueOf(number) + "7".repeat(extra);
                    int position = Math.min(at, digits.length());
                    String text = digits.substring(0, position) + foreign + digits.substring(position);
                    assertThatThrownBy(() -> new MetaTemplateId(text)).as(text).isInstanceOf(InvalidValue.class);
                    assertThatThrownBy(() -> new WabaId(text)).as(text).isInstanceOf(InvalidValue.class);
                    assertThat(WabaId.parse(text)).as(text).isEmpty();
                });
        assertThat(WabaId.parse("0102290129340398")).contains(new WabaId("0102290129340398"));
        assertThat(WabaId.parse(null)).isEmpty();
    }

    @Test
    void names_and_languages_follow_metas_alphabet() {
        assertThat(new TemplateName("order_shipped_2").value()).isEqualTo("order_shipped_2");
        for (String bad : new String[] {"", "Order", "order-shipped", "order shipped", "é"}) {
            assertThatThrownBy(() -> new TemplateName(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
        assertThat(new LanguageCode(" en-US ").value()).isEqualTo("en_US");
        assertThat(new LanguageCode("zh_Hant_HK").value()).isEqualTo("zh_Hant_HK");
        for (String bad : new String[] {"e", "english", "en_", "en_U", "en__US"}) {
            assertThatThrownBy(() -> new LanguageCode(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
    }
}
