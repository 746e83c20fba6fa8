package dev.warden.domain.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recipients, event types, mappings and the block list's rule. */
class SendingValuesTest {

    @Test
    void a_recipient_is_an_e164_number_or_a_business_scoped_user_id() {
        assertThat(Recipient.parse("+919810012345")).satisfies(r -> {
            assertThat(r.isPhone()).isTrue();
            assertThat(r.contact()).isEqualTo("919810012345");
        });
        assertThat(Recipient.parse("US.13491208655302741918")).satisfies(r -> {
            assertThat(r.isPhone()).isFalse();
            assertThat(r.contact()).isEqualTo("US.13491208655302741918");
        });
        for (String bad : new String[] {"919810012345", "+0123456789", "+12", "us.1349", "US.", "", " +919810012345"}) {
            assertThatThrownBy(() -> Recipient.parse(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void only_a_refusal_for_the_templates_sake_makes_a_campaign_send_wait_with_its_campaign() {
        for (SendRefusal refusal : SendRefusal.values()) {
            assertThat(refusal.waitsWithItsCampaign()).as(refusal.name()).isEqualTo(
                    refusal == SendRefusal.TEMPLATE_PAUSED || refusal == SendRefusal.TEMPLATE_DISABLED);
        }
    }

    @Test
    void a_stats_period_whose_filled_in_end_passes_the_last_date_is_refused_by_name() {
        assertThatThrownBy(() -> StatsPeriod.of(Optional.of(LocalDate.parse("9999-12-30")), Optional.empty(),
                LocalDate.parse("2026-12-03")))
                .isInstanceOf(InvalidValue.class).hasMessageStartingWith("to must be between");
        assertThat(StatsPeriod.of(Optional.of(LocalDate.parse("9999-12-24")), Optional.empty(),
                LocalDate.parse("2026-12-03")).to()).isEqualTo(LocalDate.parse("9999-12-30"));
        assertThatThrownBy(() -> StatsPeriod.of(Optional.empty(), Optional.of(LocalDate.parse("2000-01-03")),
                LocalDate.parse("2026-12-03")))
                .isInstanceOf(InvalidValue.class).hasMessageStartingWith("from must be between");
    }

    @Test
    void any_text_is_a_recipient_or_an_invalid_value_never_another_failure() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(text -> {
            try {
                assertThat(Recipient.parse(text).value()).isEqualTo(text);
            } catch (InvalidValue expected) {
                assertThat(expected.getMessage()).contains("recipient");
            }
        });
    }

    @Test
    void event_types_are_upper_snake_case() {
        EventType.WELL_KNOWN.forEach(EventType::new);
        assertThat(new EventType("LOYALTY_POINTS_ADDED2").value()).isEqualTo("LOYALTY_POINTS_ADDED2");
        for (String bad : new String[] {"order_created", "ORDER__CREATED", "_ORDER", "ORDER_", "1ORDER", "", "A".repeat(65)}) {
            assertThatThrownBy(() -> new EventType(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void a_meta_mapping_names_its_sending_number() {
        assertThatThrownBy(() -> new EventMapping(OrganizationId.random(), new EventType("ORDER_CREATED"),
                TemplateId.random(), SendProvider.META, Optional.empty(), Optional.empty(), Instant.EPOCH))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("phoneNumberId");
        assertThat(new EventMapping(OrganizationId.random(), new EventType("ORDER_CREATED"), TemplateId.random(),
                SendProvider.MYOPERATOR, Optional.empty(), Optional.empty(), Instant.EPOCH).phoneNumberId()).isEmpty();
    }

    @Test
    void a_mapping_cannot_name_its_own_template_as_fallback() {
        TemplateId template = TemplateId.random();
        assertThatThrownBy(() -> new EventMapping(OrganizationId.random(), new EventType("ORDER_CREATED"), template,
                SendProvider.MYOPERATOR, Optional.empty(), Optional.of(template), Instant.EPOCH))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("fallbackTemplateId");
    }

    @Test
    void a_myoperator_mapping_cannot_choose_a_number_of_the_shared_account() {
        assertThatThrownBy(() -> new EventMapping(OrganizationId.random(), new EventType("ORDER_CREATED"),
                TemplateId.random(), SendProvider.MYOPERATOR, Optional.of("106540352242922"), Optional.empty(), Instant.EPOCH))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("phoneNumberId");
    }

    @Test
    void opt_outs_and_cool_downs_refuse_marketing_only_and_a_stop_refuses_everything() {
        Optional<TemplateCategory> marketing = Optional.of(TemplateCategory.MARKETING);
        Optional<TemplateCategory> utility = Optional.of(TemplateCategory.UTILITY);
        assertThat(BlockReason.MARKETING_OPT_OUT.refuses(marketing)).isTrue();
        assertThat(BlockReason.MARKETING_OPT_OUT.refuses(utility)).isFalse();
        assertThat(BlockReason.COOL_DOWN.refuses(marketing)).isTrue();
        assertThat(BlockReason.COOL_DOWN.refuses(Optional.empty())).isFalse();
        assertThat(BlockReason.SENDING_STOPPED.refuses(utility)).isTrue();
        assertThat(BlockReason.SENDING_STOPPED.refuses(Optional.empty())).isTrue();

        SendBlock coolDown = new SendBlock(OrganizationId.random(), new WabaId("1"), "919810012345",
                BlockReason.COOL_DOWN, Optional.of(Instant.parse("2026-12-02T10:00:00Z")), "131049",
                Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(coolDown.activeAt(Instant.parse("2026-12-02T09:59:59Z"))).isTrue();
        assertThat(coolDown.activeAt(Instant.parse("2026-12-02T10:00:00Z"))).isFalse();
    }
}
