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
 * Meta's wire words for template events, read into the domain's types. The one place that knows
 * them; every value is read ignoring case (Meta's prose writes {@code paused}), and a value not
 * known here is kept as Meta sent it where the domain can show it, never guessed.
 */
final class MetaVocabulary {

    /** Warden's own statuses: Meta never sends them, so an event of that name is unknown. */
    private static final Set<TemplateStatus> LOCAL = EnumSet.of(TemplateStatus.DRAFT, TemplateStatus.UNKNOWN);

    private MetaVocabulary() {
    }

    /** {@code message_template_status_update.event}: a status, a marker, or something new. */
    static StatusEvent statusEvent(String event) {
        String word = normalised(event);
        for (TemplateStatus status : TemplateStatus.values()) {
            if (!LOCAL.contains(status) && status.name().equals(word)) {
                return StatusEvent.of(status);
            }
        }
        for (StatusMarker marker : StatusMarker.values()) {
            if (marker.name().equals(word)) {
                return StatusEvent.of(marker);
            }
        }
        return new StatusEvent.Unrecognised(event == null ? "" : event);
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
    static TemplateCategory category(String value) {
        if (value == null) {
            return null;
        }
        String word = normalised(value);
        for (TemplateCategory category : TemplateCategory.values()) {
            if (category.name().equals(word)) {
                return category;
            }
        }
        return TemplateCategory.UNKNOWN;
    }

    /** A quality score; anything but GREEN, YELLOW, RED and UNKNOWN (NA, new values) says nothing known. */
    static QualityRating quality(String value) {
        String word = normalised(value);
        for (QualityRating rating : QualityRating.values()) {
            if (rating.name().equals(word)) {
                return rating;
            }
        }
        return QualityRating.UNKNOWN;
    }

    /** A button kind; kinds not known here are OTHER, so a webhook never fails on a new one. */
    static ButtonType buttonType(String value) {
        String word = normalised(value);
        for (ButtonType type : ButtonType.values()) {
            if (type.name().equals(word)) {
                return type;
            }
        }
        return ButtonType.OTHER;
    }

    /** Meta's reason code; "NONE" (the template was paused, no reason) is no reason. */
    static String reason(String value) {
        return value == null || value.isBlank() || "NONE".equalsIgnoreCase(value.strip()) ? null : value;
    }

    private static String normalised(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
