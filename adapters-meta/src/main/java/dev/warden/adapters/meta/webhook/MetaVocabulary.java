package dev.warden.adapters.meta.webhook;

import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.StatusMarker;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.content.ButtonType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's wire words for templates, in webhooks and Graph API answers alike, read into the domain's
 * types. The one place that knows them; every value is read ignoring case (Meta's prose writes {@code paused}), and a value not
 * known here is kept as Meta sent it where the domain can show it, never guessed.
 */
public final class MetaVocabulary {

    /** Warden's own statuses: Meta never sends them, so an event of that name is unknown. */
    private static final Set<TemplateStatus> LOCAL = EnumSet.of(TemplateStatus.DRAFT, TemplateStatus.UNKNOWN);

    private MetaVocabulary() {
    }

    /** {@code message_template_status_update.event}: a status, a marker, or something new. */
    public static StatusEvent statusEvent(String event) {
        Optional<TemplateStatus> status = named(TemplateStatus.class, event).filter(s -> !LOCAL.contains(s));
        if (status.isPresent()) {
            return StatusEvent.of(status.get());
        }
        return named(StatusMarker.class, event).map(StatusEvent::of)
                .orElseGet(() -> new StatusEvent.Unrecognised(event == null ? "" : event));
    }

    /** {@code other_info.title} of a pause. */
    static PauseKind pauseKind(String title) {
        return switch (normalised(title)) {
            case "FIRST_PAUSE" -> PauseKind.FIRST;
            case "SECOND_PAUSE" -> PauseKind.SECOND;
            case "RATE_LIMITING_PAUSE" -> PauseKind.RATE_LIMITING;
            default -> PauseKind.UNSPECIFIED;
        };
    }

    /** A category; before-2023 ones (TRANSACTIONAL, OTP, ...) and unknown values are UNKNOWN, absence null. */
    public static TemplateCategory category(String value) {
        return value == null ? null : named(TemplateCategory.class, value).orElse(TemplateCategory.UNKNOWN);
    }

    /** A quality score; anything but GREEN, YELLOW, RED and UNKNOWN (NA, new values) says nothing known. */
    public static QualityRating quality(String value) {
        return named(QualityRating.class, value).orElse(QualityRating.UNKNOWN);
    }

    /** A button kind; kinds not known here are OTHER, so a webhook never fails on a new one. */
    static ButtonType buttonType(String value) {
        return named(ButtonType.class, value).orElse(ButtonType.OTHER);
    }

    /** Meta's reason code; "NONE" (the template was paused, no reason) is no reason. */
    public static String reason(String value) {
        return value == null || value.isBlank() || "NONE".equalsIgnoreCase(value.strip()) ? null : value;
    }

    /** The constant Meta's word names, ignoring case and surrounding blanks. */
    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String word) {
        String wanted = normalised(word);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    private static String normalised(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
