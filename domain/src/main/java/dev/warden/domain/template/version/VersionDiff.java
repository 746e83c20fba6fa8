package dev.warden.domain.template.version;

import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.TemplateContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The structured difference between two versions, component by component; unchanged ones are left out. */
public record VersionDiff(int from, int to, List<ComponentChange> changes) {

    public VersionDiff {
        changes = List.copyOf(changes);
    }

    public static VersionDiff between(TemplateVersion from, TemplateVersion to) {
        List<ComponentChange> changes = new ArrayList<>();
        compare("CATEGORY", from.category().name(), to.category().name(), changes);
        TemplateContent a = from.content();
        TemplateContent b = to.content();
        compare("PARAMETER_FORMAT", a.parameterFormat().name(), b.parameterFormat().name(), changes);
        compare("HEADER", describe(a.header()), describe(b.header()), changes);
        compare("BODY", a.body().text(), b.body().text(), changes);
        compare("BODY_EXAMPLES", a.body().examples().isEmpty() ? null : new java.util.TreeMap<>(a.body().examples()).toString(),
                b.body().examples().isEmpty() ? null : new java.util.TreeMap<>(b.body().examples()).toString(), changes);
        compare("FOOTER", a.footer().map(f -> f.text()).orElse(null), b.footer().map(f -> f.text()).orElse(null), changes);
        int buttons = Math.max(a.buttons().size(), b.buttons().size());
        for (int i = 0; i < buttons; i++) {
            compare("BUTTONS[" + i + "]", describe(a.buttons(), i), describe(b.buttons(), i), changes);
        }
        return new VersionDiff(from.number(), to.number(), changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static void compare(String component, String before, String after, List<ComponentChange> changes) {
        if (Objects.equals(before, after)) {
            return;
        }
        ComponentChange.Change change = before == null ? ComponentChange.Change.ADDED
                : after == null ? ComponentChange.Change.REMOVED : ComponentChange.Change.CHANGED;
        changes.add(new ComponentChange(component, change, before, after));
    }

    private static String describe(Optional<Header> header) {
        return header.map(h -> h.isText() ? "TEXT: " + h.text() : h.format().name()).orElse(null);
    }

    private static String describe(List<Button> buttons, int index) {
        if (index >= buttons.size()) {
            return null;
        }
        Button button = buttons.get(index);
        StringBuilder text = new StringBuilder(button.type().name()).append(": ").append(button.text());
        if (button.url() != null) {
            text.append(" -> ").append(button.url());
        }
        if (button.phoneNumber() != null) {
            text.append(" -> ").append(button.phoneNumber());
        }
        return text.toString();
    }
}
