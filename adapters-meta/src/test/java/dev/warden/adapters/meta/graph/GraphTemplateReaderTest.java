package dev.warden.adapters.meta.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateStatus;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading Graph API template lists: Meta's shapes into Warden's types; anything else a clear MALFORMED_RESPONSE. */
class GraphTemplateReaderTest {

    private static MetaTemplatePage read(String json) {
        return GraphTemplateReader.page(GraphTemplateReader.json(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_count_that_is_not_one_is_left_out_not_stored() {
        MetaTemplatePage page = read("""
                {"data":[],"summary":{"total_count":-1,"message_template_limit":"6000x"}}""");

        assertThat(page.templateCount()).isEmpty();
        assertThat(page.templateLimit()).isEmpty();
    }

    @Test
    void a_page_reads_ids_as_exact_strings_statuses_categories_quality_and_the_next_cursor() {
        MetaTemplatePage page = read("""
                {"data":[{"name":"seasonal_promo","language":"en_US","status":"archived","category":"MARKETING",
                "quality_score":{"score":"YELLOW","date":1732612225},"rejected_reason":"NONE","id":"18446744073709551617"},
                {"name":"otp","language":"en","status":"BRAND_NEW_STATUS","category":"TRANSACTIONAL","id":"7"}],
                "paging":{"cursors":{"before":"b","after":"QVFIUe"},"next":"https://graph.facebook.com/v24.0/1/message_templates?after=QVFIUe"},
                "summary":{"total_count":5800,"message_template_limit":6000}}""");

        MetaTemplateView first = page.templates().get(0);
        assertThat(first.id().value()).isEqualTo("18446744073709551617");
        assertThat(first.status()).isEqualTo(StatusEvent.of(TemplateStatus.ARCHIVED));
        assertThat(first.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(first.quality()).isEqualTo(QualityRating.YELLOW);
        assertThat(first.rejectedReason()).isNull();
        MetaTemplateView second = page.templates().get(1);
        assertThat(second.status()).isEqualTo(new StatusEvent.Unrecognised("BRAND_NEW_STATUS"));
        assertThat(second.category()).isEqualTo(TemplateCategory.UNKNOWN);
        assertThat(second.quality()).isEqualTo(QualityRating.UNKNOWN);
        assertThat(page.next()).contains("QVFIUe");
        assertThat(page.templateCount()).hasValue(5800);
        assertThat(page.templateLimit()).hasValue(6000);
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        assertThat(read("{\"data\":[],\"paging\":{\"cursors\":{\"before\":\"b\",\"after\":\"a\"}}}").next()).isEmpty();
    }

    @Test
    void a_page_without_data_or_with_an_unreadable_template_is_malformed_as_a_whole() {
        assertThatThrownBy(() -> read("{\"paging\":{}}")).isInstanceOf(MetaCallFailed.class)
                .hasMessageContaining("'data' array");
        assertThatThrownBy(() -> read("{\"data\":[{\"id\":\"1\",\"status\":\"APPROVED\"},{\"id\":\"1.5\",\"status\":\"APPROVED\"}]}"))
                .isInstanceOf(MetaCallFailed.class).hasMessageContaining("data[1]");
        assertThatThrownBy(() -> read("{\"data\":[],\"paging\":{\"next\":\"https://x\"}}"))
                .isInstanceOf(MetaCallFailed.class).hasMessageContaining("'after' cursor");
    }

    @Test
    void any_odd_page_is_read_or_refused_as_malformed_and_nothing_else() {
        qt().withExamples(3000).forAll(longs().all(), integers().between(0, 5)).checkAssert((seed, mutations) -> {
            String body = GraphPages.mutated(new Random(seed), mutations);
            try {
                MetaTemplatePage page = read(body);
                assertThat(page.templates()).allSatisfy(t -> assertThat(t.id().value()).matches("[0-9]+"));
            } catch (MetaCallFailed e) {
                assertThat(e.kind()).isEqualTo(MetaCallFailed.Kind.MALFORMED_RESPONSE);
                assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(400);
            }
        });
    }

    @Test
    void subscribed_apps_are_named_by_name_else_id_and_a_shape_without_data_is_malformed() {
        assertThat(GraphTemplateReader.subscribedApps(GraphTemplateReader.json("""
                {"data":[{"whatsapp_business_api_data":{"link":"https://www.facebook.com/games/?app_id=67084",
                "name":"Warden","id":"67084"}},{"whatsapp_business_api_data":{"id":"99"}},{}]}"""
                .getBytes(StandardCharsets.UTF_8))).apps()).containsExactly("Warden", "99", "an unnamed app");
        assertThat(GraphTemplateReader.subscribedApps(GraphTemplateReader.json("{\"data\":[]}"
                .getBytes(StandardCharsets.UTF_8))).apps()).isEmpty();
        assertThatThrownBy(() -> GraphTemplateReader.subscribedApps(GraphTemplateReader.json("[]"
                .getBytes(StandardCharsets.UTF_8)))).isInstanceOfSatisfying(MetaCallFailed.class,
                e -> assertThat(e.kind()).isEqualTo(MetaCallFailed.Kind.MALFORMED_RESPONSE));
    }
}
