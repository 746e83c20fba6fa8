package dev.warden.adapters.meta.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.TranslatedChange.ContactLink;
import dev.warden.application.port.out.TranslatedChange.CustomerEvent;
import dev.warden.domain.sending.DeliveryReport;
import dev.warden.domain.sending.DeliveryState;
import dev.warden.domain.sending.Pricing;
import dev.warden.domain.sending.SendRefusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Status webhooks ({@code messages} field, {@code statuses[]}) in the shapes Meta sends them
 * (meta-platform.md §6, §7, §12): per-message pricing (PMP) and the older conversation pricing (CBP),
 * failures with their error codes, and contacts known by a business-scoped user id.
 */
class StatusesTranslationTest {

    private static final String METADATA = """
            "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"}""";

    private final JacksonWebhookEnvelopeReader envelopes = new JacksonWebhookEnvelopeReader();
    private final JacksonMetaChangeTranslator translator = new JacksonMetaChangeTranslator();

    private TranslatedChange translate(String value) {
        NewInboxChange change = envelopes.split(MetaWebhookTranslationTest.envelope("messages", value)
                .getBytes(StandardCharsets.UTF_8)).get(0);
        return translator.translate(new InboxChange(1, 1, change.objectType(), change.wabaId(), change.field(),
                change.entryTime(), change.value(), Instant.parse("2026-01-01T00:00:00Z"), 0));
    }

    private TranslatedChange.ConversationUpdate update(String value) {
        return (TranslatedChange.ConversationUpdate) translate(value);
    }

    @Test
    void per_message_pricing_of_sent_delivered_and_read_statuses_is_kept_as_meta_spells_it() {
        TranslatedChange.ConversationUpdate update = update("""
                {%s,
                 "statuses":[
                  {"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"sent","timestamp":"1750263773",
                   "recipient_id":"16505551234","pricing":{"billable":true,"pricing_model":"PMP","category":"marketing","type":"regular"}},
                  {"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"delivered","timestamp":"1750263775",
                   "recipient_id":"16505551234","pricing":{"billable":false,"pricing_model":"PMP","category":"utility","type":"free_customer_service"}},
                  {"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"read","timestamp":"1750263790",
                   "recipient_id":"16505551234","pricing":{"billable":false,"pricing_model":"PMP","category":"marketing","type":"free_entry_point"}}]}"""
                .formatted(METADATA));

        String wamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";
        assertThat(update.deliveries()).containsExactly(
                new DeliveryReport(wamid, DeliveryState.SENT, Instant.ofEpochSecond(1750263773), Optional.of(
                        new Pricing(Optional.of("PMP"), "marketing", Optional.of("regular"), Optional.of(true))),
                        Optional.empty()),
                new DeliveryReport(wamid, DeliveryState.DELIVERED, Instant.ofEpochSecond(1750263775), Optional.of(
                        new Pricing(Optional.of("PMP"), "utility", Optional.of("free_customer_service"),
                                Optional.of(false))), Optional.empty()),
                new DeliveryReport(wamid, DeliveryState.READ, Instant.ofEpochSecond(1750263790), Optional.of(
                        new Pricing(Optional.of("PMP"), "marketing", Optional.of("free_entry_point"),
                                Optional.of(false))), Optional.empty()));
        assertThat(update.inbound()).isEmpty();
        assertThat(update.reEngagementFailures()).isEmpty();
    }

    @Test
    void conversation_based_pricing_has_no_type_and_a_status_without_pricing_has_none() {
        TranslatedChange.ConversationUpdate update = update("""
                {%s,
                 "statuses":[{"id":"wamid.cbp","status":"delivered","timestamp":1694492484,"recipient_id":"60173526233",
                   "conversation":{"id":"f5fdae3920125a39a1e6a23e5f877c16","origin":{"type":"utility"}},
                   "pricing":{"billable":true,"pricing_model":"CBP","category":"utility"}},
                  {"id":"wamid.bare","status":"read","timestamp":"1694492490","recipient_id":"60173526233"}]}"""
                .formatted(METADATA));

        assertThat(update.deliveries()).extracting(DeliveryReport::pricing).containsExactly(
                Optional.of(new Pricing(Optional.of("CBP"), "utility", Optional.empty(), Optional.of(true))),
                Optional.empty());
    }

    @Test
    void a_failed_status_is_sorted_by_the_one_table_of_send_errors() {
        TranslatedChange.ConversationUpdate update = update("""
                {%s,
                 "statuses":[
                  {"id":"wamid.optout","status":"failed","timestamp":"1750263800","recipient_id":"16505551234",
                   "errors":[{"code":131050,"title":"Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business",
                     "message":"Unable to deliver the message.","error_data":{"details":"Recipient opted out of marketing messages"}}]},
                  {"id":"wamid.cool","status":"failed","timestamp":"1750263801","recipient_id":"16505551235",
                   "errors":[{"code":"131049","title":"This message was not delivered to maintain healthy ecosystem engagement."}]},
                  {"id":"wamid.window","status":"failed","timestamp":"1750263802","recipient_id":"16505551236",
                   "errors":[{"code":131047,"title":"Re-engagement message","error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]},
                  {"id":"wamid.locked","status":"failed","timestamp":"1750263803","recipient_id":"16505551237",
                   "errors":[{"code":131031,"title":"Business Account locked"}]},
                  {"id":"wamid.unknown","status":"failed","timestamp":"1750263804","recipient_id":"16505551238",
                   "errors":[{"code":999999,"title":"Something new"}]},
                  {"id":"wamid.nocode","status":"failed","timestamp":"1750263805","recipient_id":"16505551239"}]}"""
                .formatted(METADATA));

        assertThat(update.deliveries()).extracting(r -> r.failure().orElseThrow().refusal()).containsExactly(
                SendRefusal.MARKETING_OPT_OUT, SendRefusal.RECIPIENT_COOL_DOWN, SendRefusal.WINDOW_CLOSED,
                SendRefusal.ACCOUNT_STOPPED, SendRefusal.MESSAGE_REFUSED, SendRefusal.MESSAGE_REFUSED);
        assertThat(update.deliveries().get(0).failure().orElseThrow().describe()).isEqualTo(
                "MARKETING_OPT_OUT (recipient): (#131050) Unable to deliver the message. This recipient has chosen"
                        + " to stop receiving marketing messages on WhatsApp from your business"
                        + " (Recipient opted out of marketing messages)");
        assertThat(update.deliveries()).allMatch(r -> r.state() == DeliveryState.FAILED);
        assertThat(update.reEngagementFailures()).as("131047 still closes the window of whoever it was")
                .containsExactly(new CustomerEvent("16505551236", Instant.ofEpochSecond(1750263802)));
    }

    @Test
    void a_status_naming_the_recipient_only_by_business_scoped_user_id_is_still_a_report() {
        TranslatedChange.ConversationUpdate update = update("""
                {%s,
                 "statuses":[{"id":"wamid.bsuid","status":"delivered","timestamp":"1780000000",
                   "recipient_user_id":"US.13491208655302741918",
                   "pricing":{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"}}]}"""
                .formatted(METADATA));

        assertThat(update.deliveries()).extracting(DeliveryReport::providerMessageId, DeliveryReport::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wamid.bsuid", DeliveryState.DELIVERED));
        assertThat(update.links()).isEmpty();
    }

    @Test
    void a_phone_number_shown_with_a_business_scoped_user_id_links_them() {
        TranslatedChange.ConversationUpdate update = update("""
                {%s,
                 "contacts":[{"profile":{"name":"Kerry"},"wa_id":"16505551234","user_id":"US.13491208655302741918"}],
                 "messages":[{"from":"16505551234","from_user_id":"US.13491208655302741918","id":"wamid.in1",
                   "timestamp":"1780000000","type":"text","text":{"body":"hi"}}],
                 "statuses":[{"id":"wamid.out","status":"read","timestamp":"1780000100","recipient_id":"16505550000",
                   "recipient_user_id":"US.555"}]}"""
                .formatted(METADATA));

        assertThat(update.links()).containsExactly(new ContactLink("16505551234", "US.13491208655302741918"),
                new ContactLink("16505550000", "US.555"));
        assertThat(update.inbound()).containsExactly(new CustomerEvent("16505551234", Instant.ofEpochSecond(1780000000)));
    }

    @Test
    void a_customer_meta_names_only_by_user_id_writes_under_that_id() {
        TranslatedChange.ConversationUpdate update = update("""
                {%s,
                 "contacts":[{"profile":{"name":"@kerry"},"user_id":"US.13491208655302741918"}],
                 "messages":[{"from_user_id":"US.13491208655302741918","id":"wamid.in2","timestamp":"1780000000",
                   "type":"text","text":{"body":"hi"}}]}"""
                .formatted(METADATA));

        assertThat(update.inbound()).containsExactly(new CustomerEvent("US.13491208655302741918",
                Instant.ofEpochSecond(1780000000)));
        assertThat(update.links()).isEmpty();
    }

    @Test
    void statuses_warden_does_not_act_on_or_cannot_read_are_left_out() {
        TranslatedChange result = translate("""
                {%s,
                 "statuses":[{"id":"wamid.del","status":"deleted","timestamp":"1780000000"},
                  {"id":"wamid.notime","status":"delivered"},
                  {"id":"bad id with spaces","status":"delivered","timestamp":"1780000000"},
                  {"status":"read","timestamp":"1780000000"},
                  {"id":"wamid.badpricing","status":"sent","timestamp":"1780000000","pricing":{"category":{"x":1}}}]}"""
                .formatted(METADATA));

        assertThat(((TranslatedChange.ConversationUpdate) result).deliveries())
                .singleElement().satisfies(r -> {
                    assertThat(r.providerMessageId()).isEqualTo("wamid.badpricing");
                    assertThat(r.pricing()).isEmpty();
                });
        assertThat(translate("{%s,\"statuses\":[{\"id\":\"wamid.del\",\"status\":\"deleted\",\"timestamp\":1}]}"
                .formatted(METADATA))).isInstanceOf(TranslatedChange.Ignored.class);
    }
}
