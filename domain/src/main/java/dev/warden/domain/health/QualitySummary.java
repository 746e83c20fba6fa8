package dev.warden.domain.health;

import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many templates are in each status and at each quality (every value present, zero included),
 * and the latest quality changes, newest first.
 */
public record QualitySummary(Map<TemplateStatus, Long> byStatus, Map<QualityRating, Long> byQuality,
                             List<QualityChange> recentChanges) {

    public QualitySummary {
        byStatus = complete(byStatus, TemplateStatus.class);
        byQuality = complete(byQuality, QualityRating.class);
        recentChanges = List.copyOf(recentChanges);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Map<E, Long> counts, Class<E> type) {
        EnumMap<E, Long> all = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            all.put(value, counts.getOrDefault(value, 0L));
        }
        return Collections.unmodifiableMap(all);
    }
}
