package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.Rejection;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateKey;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Webhook adapter: translates one change of Meta's webhook into Warden's vocabulary, field by
 * field as meta-platform.md documents them. Values Warden does not know travel on as text for
 * the domain to record; only a change missing what identifies its template is malformed.
 */
@Singleton
final class JacksonMetaChangeTranslator implements MetaChangeTranslator {

    static final String WHATSAPP = "whatsapp_business_account";

    @Override
    public TranslatedChange translate(InboxChange change) {
        JsonNode value = MetaJson.read(change.value());
        JsonNode unstorable = value.get(NewInboxChange.UNSTORABLE);
        if (unstorable != null) {
            throw new MalformedPayload("kept but not stored as received: " + MetaJson.text(unstorable.get("reason")));
        }
        if (!WHATSAPP.equals(change.objectType())) {
            return new TranslatedChange.Ignored("object '" + change.objectType() + "' is not WhatsApp's");
        }
        String field = change.field() == null ? "" : change.field();
        try {
            return switch (field) {
                case "message_template_status_update" -> status(change, value);
                case "message_template_quality_update" -> quality(change, value);
                case "template_category_update" -> category(change, value);
                case "message_template_components_update" -> components(change, value);
                case "messages" -> MessagesTranslation.translate(value);
                case "user_preferences" -> UserPreferencesTranslation.translate(value);
                default -> new TranslatedChange.Ignored("field '" + field + "' is not handled");
            };
        } catch (MalformedPayload e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever Meta's JSON holds, the answer is a translation or malformed: retrying cannot read it better.
            throw new MalformedPayload(field + " cannot be read: " + e.getMessage());
        }
    }

    private static TranslatedChange status(InboxChange change, JsonNode value) {
        if (value.has("new_quality_score")) {
            // Older copies of Meta's reference sent quality under the status field; it is never a status.
            return quality(change, value);
        }
        String event = MetaJson.text(value.get("event"));
        if (event == null) {
            throw new MalformedPayload("message_template_status_update has no event");
        }
        JsonNode rejectionInfo = value.path("rejection_info");
        Rejection rejection = rejectionInfo.isObject()
                ? new Rejection(MetaJson.text(rejectionInfo.get("reason")), MetaJson.text(rejectionInfo.get("recommendation")))
                : null;
        String pauseTitle = MetaJson.text(value.path("other_info").get("title"));
        TemplateCategory category = MetaVocabulary.category(MetaJson.text(value.get("message_template_category")));
        ReportedChange.Status status = new ReportedChange.Status(MetaVocabulary.statusEvent(event),
                MetaVocabulary.reason(MetaJson.text(value.get("reason"))), MetaVocabulary.pauseKind(pauseTitle),
                pauseTitle, MetaJson.text(value.path("other_info").get("description")),
                disableDate(value.path("disable_info").get("disable_date")), rejection, category, change.occurredAt(),
                ChangeSource.WEBHOOK);
        return new TranslatedChange.TemplateUpdate(mention(change, value, category), status);
    }

    private static TranslatedChange quality(InboxChange change, JsonNode value) {
        QualityRating current = rating(value.get("new_quality_score"));
        if (current == null) {
            throw new MalformedPayload("quality update has no new_quality_score");
        }
        ReportedChange.Quality quality = new ReportedChange.Quality(rating(value.get("previous_quality_score")),
                current, change.occurredAt(), ChangeSource.WEBHOOK);
        return new TranslatedChange.TemplateUpdate(mention(change, value, null), quality);
    }

    private static TranslatedChange category(InboxChange change, JsonNode value) {
        String correct = MetaJson.text(value.get("correct_category"));
        String newCategory = MetaJson.text(value.get("new_category"));
        if (correct != null) {
            // Impending notice: new_category is the category *now*; correct_category is what it becomes.
            return new TranslatedChange.TemplateUpdate(mention(change, value, MetaVocabulary.category(newCategory)),
                    new ReportedChange.CategoryImpending(MetaVocabulary.category(correct), correct,
                            MetaJson.epoch(value.get("category_update_timestamp")), change.occurredAt(),
                            ChangeSource.WEBHOOK));
        }
        if (newCategory != null) {
            return new TranslatedChange.TemplateUpdate(mention(change, value, MetaVocabulary.category(newCategory)),
                    new ReportedChange.CategoryCompleted(MetaVocabulary.category(newCategory), newCategory,
                            MetaJson.text(value.get("previous_category")), change.occurredAt(), ChangeSource.WEBHOOK));
        }
        mention(change, value, null);
        return new TranslatedChange.Ignored("template_category_update names no category");
    }

    private static TranslatedChange components(InboxChange change, JsonNode value) {
        return new TranslatedChange.TemplateUpdate(mention(change, value, null),
                new ReportedChange.Content(ComponentsTranslation.content(value), change.occurredAt(), ChangeSource.WEBHOOK));
    }

    private static TemplateMention mention(InboxChange change, JsonNode value, TemplateCategory category) {
        String id = MetaJson.text(value.get("message_template_id"));
        if (id == null) {
            throw new MalformedPayload("the change has no message_template_id");
        }
        if (change.wabaId() == null) {
            throw new MalformedPayload("the change has no WhatsApp Business Account id");
        }
        try {
            BigDecimal number = new BigDecimal(id);
            if (number.precision() - (long) number.scale() > 32) {
                // Meta's ids have at most 32 digits; 1e999999999 must not become a billion-digit integer.
                throw new MalformedPayload("message_template_id '" + id + "' is too large");
            }
            String exact = number.toBigIntegerExact().toString();
            return new TemplateMention(new TemplateKey(new WabaId(change.wabaId()), new MetaTemplateId(exact)),
                    MetaJson.text(value.get("message_template_name")),
                    MetaJson.text(value.get("message_template_language")), category);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedPayload("message_template_id '" + id + "' is not a whole number");
        } catch (IllegalArgumentException e) {
            throw new MalformedPayload(e.getMessage());
        }
    }

    private static QualityRating rating(JsonNode node) {
        JsonNode score = node != null && node.isObject() ? node.get("score") : node;
        String text = MetaJson.text(score);
        if (text == null) {
            return null;
        }
        return MetaVocabulary.quality(text);
    }

    /** Meta documents a Unix time, examples show text ("January 31, 2021"): a number becomes an instant, text stays. */
    private static String disableDate(JsonNode node) {
        String text = MetaJson.text(node);
        if (text == null) {
            return null;
        }
        Instant instant = text.matches("[0-9]{9,13}") ? MetaJson.epoch(node) : null;
        return instant == null ? text : instant.toString();
    }
}
