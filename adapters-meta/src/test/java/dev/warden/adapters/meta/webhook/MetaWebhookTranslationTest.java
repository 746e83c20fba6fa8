package dev.warden.adapters.meta.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.StatusMarker;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.PauseKind;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.content.ButtonType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Payloads written from meta-platform.md, including the shapes Meta's own examples disagree on. */
class MetaWebhookTranslationTest {

    private final JacksonWebhookEnvelopeReader envelopes = new JacksonWebhookEnvelopeReader();
    private final JacksonMetaChangeTranslator translator = new JacksonMetaChangeTranslator();

    static String envelope(String field, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1731925200,
                 "changes":[{"value":%s,"field":"%s"}]}]}""".formatted(value, field);
    }

    private List<NewInboxChange> split(String body) {
        return envelopes.split(body.getBytes(StandardCharsets.UTF_8));
    }

    private TranslatedChange translate(String field, String value) {
        NewInboxChange change = split(envelope(field, value)).get(0);
        return translator.translate(new InboxChange(1, 1, change.objectType(), change.wabaId(), change.field(),
                change.entryTime(), change.value(), Instant.parse("2026-01-01T00:00:00Z"), 0));
    }

    private TranslatedChange.TemplateUpdate templateUpdate(String field, String value) {
        return (TranslatedChange.TemplateUpdate) translate(field, value);
    }

    @Test
    void each_change_of_an_entry_keeps_the_key_stored_changes_have_sha256_of_object_waba_field_time_and_value()
            throws Exception {
        List<NewInboxChange> changes = split("""
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1731925200,
                 "changes":[{"value":{"event":"APPROVED"},"field":"message_template_status_update"},
                            {"value":{"new_quality_score":"RED"},"field":"message_template_quality_update"}]},
                 {"id":"102290129340399","changes":[]},{"id":"102290129340400","changes":[{"value":1}]}]}""");

        assertThat(changes).hasSize(3);
        for (NewInboxChange change : changes) {
            // The layout every stored key has: a redelivery after an upgrade must find the same key.
            assertThat(change.idempotencyKey()).isEqualTo(layoutKey("whatsapp_business_account", change.wabaId(),
                    change.field(), change.entryTime() == null ? null : String.valueOf(change.entryTime().getEpochSecond()),
                    change.value()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"APPROVED", "REJECTED", "PENDING", "PAUSED", "DISABLED", "FLAGGED", "REINSTATED",
            "IN_APPEAL", "PENDING_DELETION", "DELETED", "LIMIT_EXCEEDED", "LOCKED", "ARCHIVED", "UNARCHIVED",
            "SOMETHING_META_ADDS_LATER"})
    void every_status_event_travels_as_meta_named_it(String event) {
        TranslatedChange.TemplateUpdate update = templateUpdate("message_template_status_update", """
                {"event":"%s","message_template_id":1689556908129832,"message_template_name":"order_update",
                 "message_template_language":"en-US","reason":"NONE","message_template_category":"UTILITY"}"""
                .formatted(event));

        ReportedChange.Status status = (ReportedChange.Status) update.change();
        assertThat(status.event().name()).isEqualTo(event);
        assertThat(status.occurredAt()).isEqualTo(Instant.ofEpochSecond(1731925200));
        assertThat(update.template().key().metaTemplateId().value()).isEqualTo("1689556908129832");
        assertThat(update.template().key().wabaId().value()).isEqualTo("102290129340398");
        assertThat(update.template().name()).isEqualTo("order_update");
        assertThat(update.template().language()).isEqualTo("en-US");
        assertThat(update.template().category()).isEqualTo(TemplateCategory.UTILITY);
    }

    @Test
    void pause_info_disable_date_and_rejection_info_are_kept() {
        ReportedChange.Status paused = (ReportedChange.Status) templateUpdate("message_template_status_update", """
                {"event":"PAUSED","message_template_id":1,"reason":null,
                 "other_info":{"title":"SECOND_PAUSE","description":"Paused for 6 hours"}}""").change();
        ReportedChange.Status flaggedText = (ReportedChange.Status) templateUpdate("message_template_status_update", """
                {"event":"FLAGGED","message_template_id":1,"disable_info":{"disable_date":"January 31, 2021"}}""")
                .change();
        ReportedChange.Status flaggedUnix = (ReportedChange.Status) templateUpdate("message_template_status_update", """
                {"event":"FLAGGED","message_template_id":1,"disable_info":{"disable_date":1735689600}}""").change();
        ReportedChange.Status rejected = (ReportedChange.Status) templateUpdate("message_template_status_update", """
                {"event":"REJECTED","message_template_id":1,"reason":"INVALID_FORMAT",
                 "rejection_info":{"reason":"Adjacent parameters","recommendation":"Add text between them"}}""").change();

        assertThat(paused.pauseTitle()).isEqualTo("SECOND_PAUSE");
        assertThat(paused.pauseKind()).isEqualTo(PauseKind.SECOND);
        assertThat(paused.pauseDescription()).isEqualTo("Paused for 6 hours");
        assertThat(paused.reason()).as("NONE is no reason").isNull();
        assertThat(flaggedText.disableDate()).isEqualTo("January 31, 2021");
        assertThat(flaggedUnix.disableDate()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(rejected.rejection().recommendation()).isEqualTo("Add text between them");
        assertThat(rejected.reason()).isEqualTo("INVALID_FORMAT");
    }

    @Test
    void status_events_pause_titles_and_categories_are_read_into_warden_words_in_any_case() {
        ReportedChange.Status lower = (ReportedChange.Status) templateUpdate("message_template_status_update", """
                {"event":"paused","message_template_id":1,"message_template_category":"marketing",
                 "other_info":{"title":"RATE_LIMITING_PAUSE","description":"Paused during pacing"}}""").change();
        ReportedChange.Status marker = (ReportedChange.Status) templateUpdate("message_template_status_update",
                "{\"event\":\"Unarchived\",\"message_template_id\":1}").change();
        ReportedChange.Status unknown = (ReportedChange.Status) templateUpdate("message_template_status_update",
                "{\"event\":\"SUSPENDED_FOR_REVIEW\",\"message_template_id\":1,\"message_template_category\":\"OTP\"}")
                .change();
        ReportedChange.Status draft = (ReportedChange.Status) templateUpdate("message_template_status_update",
                "{\"event\":\"DRAFT\",\"message_template_id\":1}").change();

        assertThat(lower.event()).isEqualTo(StatusEvent.of(TemplateStatus.PAUSED));
        assertThat(lower.pauseKind()).isEqualTo(PauseKind.RATE_LIMITING);
        assertThat(lower.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(marker.event()).isEqualTo(StatusEvent.of(StatusMarker.UNARCHIVED));
        assertThat(marker.category()).as("no category named").isNull();
        assertThat(unknown.event()).isEqualTo(new StatusEvent.Unrecognised("SUSPENDED_FOR_REVIEW"));
        assertThat(unknown.category()).as("a legacy category").isEqualTo(TemplateCategory.UNKNOWN);
        assertThat(draft.event()).as("Warden's own statuses are not Meta's").isInstanceOf(StatusEvent.Unrecognised.class);
    }

    @Test
    void template_ids_beyond_two_to_the_53_and_as_strings_stay_exact() {
        assertThat(templateUpdate("message_template_status_update",
                "{\"event\":\"APPROVED\",\"message_template_id\":9007199254740993123}")
                .template().key().metaTemplateId().value()).isEqualTo("9007199254740993123");
        assertThat(templateUpdate("message_template_status_update",
                "{\"event\":\"APPROVED\",\"message_template_id\":\"9007199254740993\"}")
                .template().key().metaTemplateId().value()).isEqualTo("9007199254740993");
    }

    @Test
    void quality_arrives_on_its_own_field_and_never_becomes_a_status_under_the_status_field() {
        String value = """
                {"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":1,
                 "message_template_name":"order_update","message_template_language":"en_US"}""";

        for (String field : List.of("message_template_quality_update", "message_template_status_update")) {
            ReportedChange change = templateUpdate(field, value).change();
            assertThat(change).isInstanceOf(ReportedChange.Quality.class);
            assertThat(((ReportedChange.Quality) change).current()).isEqualTo(QualityRating.YELLOW);
            assertThat(((ReportedChange.Quality) change).previous()).isEqualTo(QualityRating.GREEN);
        }
        assertThat(((ReportedChange.Quality) templateUpdate("message_template_quality_update",
                "{\"new_quality_score\":\"NA\",\"message_template_id\":1}").change()).current())
                .isEqualTo(QualityRating.UNKNOWN);
    }

    @Test
    void category_updates_come_impending_completed_or_minimal() {
        TranslatedChange.TemplateUpdate impending = templateUpdate("template_category_update", """
                {"message_template_id":1,"message_template_name":"order_update","message_template_language":"en_US",
                 "correct_category":"MARKETING","new_category":"UTILITY","category_update_timestamp":1731925200}""");
        TranslatedChange.TemplateUpdate completed = templateUpdate("template_category_update", """
                {"message_template_id":1,"previous_category":"UTILITY","new_category":"MARKETING"}""");
        TranslatedChange.TemplateUpdate minimal = templateUpdate("template_category_update", """
                {"message_template_id":1,"new_category":"MARKETING"}""");

        assertThat(impending.change()).isEqualTo(new ReportedChange.CategoryImpending(TemplateCategory.MARKETING,
                "MARKETING", Instant.ofEpochSecond(1731925200), Instant.ofEpochSecond(1731925200),
                dev.warden.domain.template.ChangeSource.WEBHOOK));
        assertThat(impending.template().category()).as("the current category").isEqualTo(TemplateCategory.UTILITY);
        assertThat(((ReportedChange.CategoryCompleted) completed.change()).previousAsReported()).isEqualTo("UTILITY");
        assertThat(((ReportedChange.CategoryCompleted) minimal.change()).current()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(((ReportedChange.CategoryCompleted) minimal.change()).previousAsReported()).isNull();
        assertThat(translate("template_category_update", "{\"message_template_id\":1}"))
                .isInstanceOf(TranslatedChange.Ignored.class);
    }

    @Test
    void a_components_update_becomes_the_template_content() {
        ReportedChange.Content content = (ReportedChange.Content) templateUpdate("message_template_components_update", """
                {"message_template_id":1,"message_template_name":"order_update","message_template_language":"en_US",
                 "message_template_element":"Hi {{1}}, your order {{2}} ships today.",
                 "message_template_title":"Order update","message_template_footer":"Acme",
                 "message_template_buttons":[{"message_template_button_type":"URL","message_template_button_text":"Track",
                   "message_template_button_url":"https://acme.example/t"},
                  {"message_template_button_type":"PHONE_NUMBER","message_template_button_text":"Call",
                   "message_template_button_phone_number":"+15550100"},
                  {"message_template_button_type":"SOMETHING_NEW","message_template_button_text":"New"}]}""").change();

        assertThat(content.content().body().text()).isEqualTo("Hi {{1}}, your order {{2}} ships today.");
        assertThat(content.content().header()).get().extracting(h -> h.text()).isEqualTo("Order update");
        assertThat(content.content().footer()).get().extracting(f -> f.text()).isEqualTo("Acme");
        assertThat(content.content().buttons()).extracting(b -> b.type())
                .containsExactly(ButtonType.URL, ButtonType.PHONE_NUMBER, ButtonType.OTHER);
        assertThat(content.content().buttons().get(1).phoneNumber()).isEqualTo("+15550100");
    }

    @Test
    void inbound_messages_and_re_engagement_failures_move_the_customer_service_window() {
        TranslatedChange.ConversationUpdate update = (TranslatedChange.ConversationUpdate) translate("messages", """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                 "contacts":[{"profile":{"name":"Kerry"},"wa_id":"16505551234"}],
                 "messages":[{"from":"16505551234","id":"wamid.x","timestamp":"1731925200","type":"text","text":{"body":"hi"}}],
                 "statuses":[{"id":"wamid.y","status":"failed","timestamp":"1731925300","recipient_id":"16505559999",
                   "errors":[{"code":131047,"title":"Re-engagement message"}]},
                  {"id":"wamid.z","status":"delivered","timestamp":"1731925300","recipient_id":"16505558888"}]}""");

        assertThat(update.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(update.inbound()).containsExactly(new TranslatedChange.CustomerEvent("16505551234",
                Instant.ofEpochSecond(1731925200)));
        assertThat(update.reEngagementFailures()).containsExactly(new TranslatedChange.CustomerEvent("16505559999",
                Instant.ofEpochSecond(1731925300)));
    }

    @Test
    void a_marketing_stop_or_resume_names_the_contact_by_number_or_business_scoped_id() {
        TranslatedChange.PreferenceUpdate update = (TranslatedChange.PreferenceUpdate) translate("user_preferences", """
                {"messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},
                 "contacts":[{"wa_id":"16505551234","profile":{"name":"Kerry"}}],
                 "user_preferences":[
                  {"wa_id":"16505551234","detail":"User requested to stop marketing messages",
                   "category":"marketing_messages","value":"stop","timestamp":1731925200},
                  {"user_id":"US.13491208655302741918","category":"marketing_messages","value":"resume",
                   "timestamp":1731925300},
                  {"wa_id":"16505550000","category":"something_else","value":"stop","timestamp":1731925300}]}""");

        assertThat(update.preferences()).containsExactly(
                new TranslatedChange.MarketingPreference("16505551234", true, Instant.ofEpochSecond(1731925200)),
                new TranslatedChange.MarketingPreference("US.13491208655302741918", false,
                        Instant.ofEpochSecond(1731925300)));
        assertThat(translate("user_preferences", "{\"user_preferences\":[]}"))
                .isInstanceOf(TranslatedChange.Ignored.class);
    }

    @Test
    void a_change_without_its_template_id_is_malformed_and_unknown_fields_and_objects_are_ignored() {
        assertThatThrownBy(() -> translate("message_template_status_update", "{\"event\":\"APPROVED\"}"))
                .isInstanceOf(MalformedPayload.class).hasMessageContaining("message_template_id");
        assertThatThrownBy(() -> translate("message_template_status_update", "{\"event\":\"APPROVED\",\"message_template_id\":1.5}"))
                .isInstanceOf(MalformedPayload.class);
        assertThat(translate("account_update", "{\"event\":\"VERIFIED\"}")).isInstanceOf(TranslatedChange.Ignored.class);
        NewInboxChange page = split("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[{\"field\":\"feed\",\"value\":{}}]}]}").get(0);
        assertThat(translator.translate(new InboxChange(1, 1, page.objectType(), page.wabaId(), page.field(), null,
                page.value(), Instant.EPOCH, 0))).isInstanceOf(TranslatedChange.Ignored.class);
    }

    @Test
    void every_change_of_every_entry_is_split_and_keyed_by_content() {
        String batch = """
                {"object":"whatsapp_business_account","entry":[
                  {"id":"111","time":1731925200,"changes":[
                    {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1}},
                    {"field":"message_template_quality_update","value":{"new_quality_score":"RED","message_template_id":1}}]},
                  {"id":"222","time":1731925201,"changes":[
                    {"value":{"message_template_id":2,"event":"PAUSED"},"field":"message_template_status_update"}]}]}""";
        String alone = """
                {"entry":[{"changes":[{"field":"message_template_status_update","value":{"message_template_id":2,"event":"PAUSED"}}],
                  "time":1731925201,"id":"222"}],"object":"whatsapp_business_account"}""";

        List<NewInboxChange> changes = split(batch);

        assertThat(changes).extracting(NewInboxChange::wabaId).containsExactly("111", "111", "222");
        assertThat(changes).extracting(NewInboxChange::idempotencyKey).doesNotHaveDuplicates();
        assertThat(split(alone).get(0).idempotencyKey()).isEqualTo(changes.get(2).idempotencyKey());
        assertThat(split(batch.replace("1731925201", "1731925202")).get(2).idempotencyKey())
                .isNotEqualTo(changes.get(2).idempotencyKey());
    }

    @Test
    void only_json_is_well_formed() {
        assertThat(split(envelope("x", "{\"name\":\"\\u00e4\\u00f6\\u00e5\"}")).get(0).value()).contains("äöå");
        for (String bad : List.of("", "{", "not json", "{\"a\":1} trailing", "{\"a\":}")) {
            assertThatThrownBy(() -> envelopes.split(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(MalformedPayload.class);
        }
        assertThat(split("[1,2,3]")).isEmpty();
    }

    @Test
    void a_delivery_of_more_changes_than_one_may_carry_is_malformed_however_its_entries_share_them() {
        // Two entries, one extra change in the second: the count is the delivery's, not an entry's.
        qt().withExamples(20).forAll(integers().between(0, JacksonWebhookEnvelopeReader.MAX_CHANGES - 3),
                        integers().between(-3, 3))
                .checkAssert((first, beyond) -> {
                    int total = JacksonWebhookEnvelopeReader.MAX_CHANGES + beyond;
                    byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[" + entry(first) + ","
                            + entry(total - first) + "]}").getBytes(StandardCharsets.UTF_8);
                    if (total <= JacksonWebhookEnvelopeReader.MAX_CHANGES) {
                        assertThat(envelopes.split(body)).hasSize(total);
                    } else {
                        assertThatThrownBy(() -> envelopes.split(body)).isInstanceOf(MalformedPayload.class)
                                .hasMessageContaining("has " + total + " changes");
                    }
                });
    }

    @Test
    void a_body_of_more_tokens_than_a_delivery_may_hold_is_malformed() {
        String padded = "{\"object\":\"whatsapp_business_account\",\"entry\":[],\"padding\":[%s]}";
        String under = padded.formatted("0,".repeat((int) MetaJson.MAX_BODY_TOKENS - 100) + "0");
        String over = padded.formatted("0,".repeat((int) MetaJson.MAX_BODY_TOKENS) + "0");

        assertThat(split(under)).isEmpty();
        assertThatThrownBy(() -> split(over)).isInstanceOf(MalformedPayload.class)
                .hasMessageContaining("beyond Warden's limits");
    }

    @Test
    void meta_s_largest_batch_of_its_richest_changes_reads_whole() {
        StringBuilder buttons = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            buttons.append(i == 0 ? "" : ",").append("""
                    {"message_template_button_type":"URL","message_template_button_text":"Track %d",
                     "message_template_button_url":"https://acme.example/t/{{1}}","message_template_button_phone_number":null}"""
                    .formatted(i));
        }
        StringBuilder changes = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            changes.append(i == 0 ? "" : ",").append("""
                    {"field":"message_template_components_update","value":{"message_template_id":%d,
                     "message_template_name":"order_update","message_template_language":"en_US",
                     "message_template_element":"Hi {{1}}, your order {{2}} ships today.",
                     "message_template_title":"Order update","message_template_footer":"Acme",
                     "message_template_buttons":[%s]}}""".formatted(1_000_000 + i, buttons));
        }
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"time\":1731925200,\"changes\":[" + changes + "]}]}";

        assertThat(split(body)).hasSize(1_000);
    }

    @Test
    void the_limit_counts_changes_given_as_an_object_s_values_as_the_split_does() {
        int max = JacksonWebhookEnvelopeReader.MAX_CHANGES;
        StringBuilder asObject = new StringBuilder();
        for (int i = 0; i < max; i++) {
            asObject.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":{\"field\":\"x\",\"value\":").append(i).append('}');
        }
        String atTheLimit = "{\"entry\":{\"first\":{\"changes\":{" + asObject + "}}}}";
        String overIt = "{\"entry\":{\"first\":{\"changes\":{" + asObject + "}},\"second\":" + entry(1) + "}}";

        assertThat(split(atTheLimit)).hasSize(max);
        assertThatThrownBy(() -> split(overIt)).isInstanceOf(MalformedPayload.class)
                .hasMessageContaining("has " + (max + 1) + " changes");
    }

    @Test
    void an_unreadable_time_is_keyed_as_its_json_text_and_beyond_64_characters_by_that_text_s_hash() throws Exception {
        String shortTime = "\"short\"";
        String longTime = "\"" + "x".repeat(100) + "\"";
        String body = "{\"entry\":[{\"id\":\"1\",\"time\":%s,\"changes\":[{\"field\":\"f\",\"value\":1}]}]}";

        // Up to 64 characters the layout is the one keys have had since unreadable times were kept: the text itself.
        assertThat(split(body.formatted(shortTime)).get(0).idempotencyKey())
                .isEqualTo(layoutKey("null", "1", "f", shortTime, "1"));
        // Beyond, "sha256:" and the hex SHA-256 of the text and a zero byte, so a long time is hashed once per entry.
        java.security.MessageDigest time = java.security.MessageDigest.getInstance("SHA-256");
        time.update(longTime.getBytes(StandardCharsets.UTF_8));
        time.update((byte) 0);
        assertThat(split(body.formatted(longTime)).get(0).idempotencyKey())
                .isEqualTo(layoutKey("null", "1", "f", "sha256:" + java.util.HexFormat.of().formatHex(time.digest()), "1"));
    }

    /** SHA-256 over the parts (a missing one as "null"), each followed by a zero byte, then the value. */
    private static String layoutKey(String object, String waba, String field, String time, String value)
            throws Exception {
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        for (String part : java.util.Arrays.asList(object, waba, field, time)) {
            sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        sha256.update(value.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sha256.digest());
    }

    private static String entry(int changes) {
        return "{\"id\":\"102290129340398\",\"time\":1731925200,\"changes\":["
                + String.join(",", Collections.nCopies(changes, "{\"field\":\"x\",\"value\":0}")) + "]}";
    }
}
