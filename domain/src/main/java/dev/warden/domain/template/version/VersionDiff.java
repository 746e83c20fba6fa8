package dev.warden.domain.template.version;

import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.Footer;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.TemplateContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The structured difference between two versions, field by field of each component; unchanged ones are left out. */
public record VersionDiff(int from, int to, List<ComponentChange> changes) {

    public VersionDiff {
        changes = List.copyOf(changes);
    }

    public static VersionDiff between(TemplateVersion from, TemplateVersion to) {
        List<ComponentChange> changes = new ArrayList<>();
        TemplateContent a = from.content();
        TemplateContent b = to.content();
        compare("TEMPLATE", "category", from.category().name(), to.category().name(), changes);
        compare("TEMPLATE", "parameterFormat", a.parameterFormat().name(), b.parameterFormat().name(), changes);
        compare("HEADER", a.header(), b.header(), changes, h -> h.format().name(), Header::text, h -> examples(h.examples()));
        compare("BODY", Optional.of(a.body()), Optional.of(b.body()), changes, body -> null, body -> body.text(),
                body -> examples(body.examples()));
        compare("FOOTER", a.footer(), b.footer(), changes, footer -> null, Footer::text, footer -> null);
        int buttons = Math.max(a.buttons().size(), b.buttons().size());
        for (int i = 0; i < buttons; i++) {
            button("BUTTONS[" + i + "]", at(a.buttons(), i), at(b.buttons(), i), changes);
        }
        return new VersionDiff(from.number(), to.number(), changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static <T> void compare(String component, Optional<T> before, Optional<T> after,
                                    List<ComponentChange> changes, Function<T, String> format,
                                    Function<T, String> text, Function<T, String> examples) {
        compare(component, "format", before.map(format).orElse(null), after.map(format).orElse(null), changes);
        compare(component, "text", before.map(text).orElse(null), after.map(text).orElse(null), changes);
        compare(component, "examples", before.map(examples).orElse(null), after.map(examples).orElse(null), changes);
    }

    private static void button(String component, Optional<Button> before, Optional<Button> after,
                               List<ComponentChange> changes) {
        compare(component, "type", before.map(b -> b.type().name()).orElse(null),
                after.map(b -> b.type().name()).orElse(null), changes);
        compare(component, "text", before.map(Button::text).orElse(null), after.map(Button::text).orElse(null), changes);
        compare(component, "url", before.map(Button::url).orElse(null), after.map(Button::url).orElse(null), changes);
        compare(component, "phoneNumber", before.map(Button::phoneNumber).orElse(null),
                after.map(Button::phoneNumber).orElse(null), changes);
        compare(component, "example", before.map(Button::example).orElse(null),
                after.map(Button::example).orElse(null), changes);
    }

    private static void compare(String component, String field, String before, String after,
                                List<ComponentChange> changes) {
        if (Objects.equals(before, after)) {
            return;
        }
        ComponentChange.Change change = before == null ? ComponentChange.Change.ADDED
                : after == null ? ComponentChange.Change.REMOVED : ComponentChange.Change.CHANGED;
        changes.add(new ComponentChange(component, field, change, before, after));
    }

    /** Examples in a stable order, so the same examples never read as a change; none reads as absent. */
    private static String examples(Map<String, String> examples) {
        return examples.isEmpty() ? null : new TreeMap<>(examples).toString();
    }

    private static Optional<Button> at(List<Button> buttons, int index) {
        return index < buttons.size() ? Optional.of(buttons.get(index)) : Optional.empty();
    }
}
