package dev.warden.domain.template.parameter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A component's text with the variables found in it. Parsing never fails; {@link ParameterRules} judges. */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    private final String text;
    private final List<Placeholder> placeholders;

    private TemplateText(String text, List<Placeholder> placeholders) {
        this.text = text;
        this.placeholders = List.copyOf(placeholders);
    }

    public static TemplateText parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Placeholder> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(new Placeholder(matcher.group(1).strip(), matcher.start(), matcher.end()));
        }
        return new TemplateText(text, found);
    }

    public String text() {
        return text;
    }

    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /** Distinct variable names in order of first appearance. */
    public List<String> parameterNames() {
        return List.copyOf(new LinkedHashSet<>(placeholders.stream().map(Placeholder::name).toList()));
    }

    /** The format the variables use, if there are any and they agree. */
    public Optional<ParameterFormat> detectFormat() {
        if (placeholders.isEmpty()) {
            return Optional.empty();
        }
        if (placeholders.stream().allMatch(Placeholder::isPositional)) {
            return Optional.of(ParameterFormat.POSITIONAL);
        }
        if (placeholders.stream().noneMatch(Placeholder::isPositional)) {
            return Optional.of(ParameterFormat.NAMED);
        }
        return Optional.empty();
    }

    /** The text without its variables, as review heuristics count it. */
    public String withoutPlaceholders() {
        return PLACEHOLDER.matcher(text).replaceAll(" ");
    }

    /** Replaces every variable with its value; callers check completeness first ({@link ParameterRules}). */
    String substitute(java.util.Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Placeholder placeholder : placeholders) {
            out.append(text, last, placeholder.start());
            out.append(values.get(placeholder.name()));
            last = placeholder.end();
        }
        return out.append(text.substring(last)).toString();
    }
}
