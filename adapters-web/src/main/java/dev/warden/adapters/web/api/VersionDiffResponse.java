package dev.warden.adapters.web.api;

import dev.warden.domain.template.version.ComponentChange;
import dev.warden.domain.template.version.VersionDiff;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How version {@code to} differs from version {@code from}: per component, whether it was added,
 * removed or changed, and each field's value before and after. Unchanged components are left out.
 */
@Serdeable
record VersionDiffResponse(int from, int to, boolean identical, List<Component> components) {

    /** One component that differs. */
    @Serdeable
    record Component(String component, String change, List<Field> fields) {
    }

    /** One field that differs; {@code before} is null when added, {@code after} when removed. */
    @Serdeable
    record Field(String field, String change, String before, String after) {
    }

    static VersionDiffResponse from(VersionDiff diff) {
        Map<String, List<ComponentChange>> byComponent = new LinkedHashMap<>();
        diff.changes().forEach(c -> byComponent.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c));
        return new VersionDiffResponse(diff.from(), diff.to(), diff.isEmpty(), byComponent.entrySet().stream()
                .map(e -> new Component(e.getKey(), change(e.getValue()), e.getValue().stream()
                        .map(c -> new Field(c.field(), c.change().name(), c.before(), c.after())).toList()))
                .toList());
    }

    /** A component is added (or removed) when every field of it is; otherwise it changed. */
    private static String change(List<ComponentChange> fields) {
        for (ComponentChange.Change whole : List.of(ComponentChange.Change.ADDED, ComponentChange.Change.REMOVED)) {
            if (fields.stream().allMatch(f -> f.change() == whole)) {
                return whole.name();
            }
        }
        return ComponentChange.Change.CHANGED.name();
    }
}
