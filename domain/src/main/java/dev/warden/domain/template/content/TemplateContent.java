package dev.warden.domain.template.content;

import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.ParameterMismatch;
import dev.warden.domain.template.parameter.Renderer;
import dev.warden.domain.template.parameter.TemplateText;
import dev.warden.domain.template.parameter.ValueProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The components of one template version. Construction accepts anything well-formed, because
 * Meta's webhooks must always be recorded; {@link #violations()} says what Meta would reject and
 * {@link #requireValid()} refuses it for content people write in Warden.
 */
public record TemplateContent(ParameterFormat parameterFormat, Optional<Header> header, Body body,
                              Optional<Footer> footer, List<Button> buttons) {

    public TemplateContent {
        Objects.requireNonNull(parameterFormat, "parameterFormat");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(footer, "footer");
        buttons = List.copyOf(Objects.requireNonNullElse(buttons, List.of()));
    }

    public static TemplateContent ofBody(ParameterFormat format, String text, Map<String, String> examples) {
        return new TemplateContent(format, Optional.empty(), new Body(text, examples), Optional.empty(), List.of());
    }

    /**
     * Whether {@code reported} says the same words as this content, judged on what Meta's components
     * webhook carries: header text, body, footer and buttons. Examples, the parameter format and a
     * media header's kind are not in the webhook, so they cannot make a difference.
     */
    public boolean readsTheSameAs(TemplateContent reported) {
        return Objects.equals(headerText(), reported.headerText()) && body.text().equals(reported.body.text())
                && footer.map(Footer::text).equals(reported.footer.map(Footer::text))
                && wording(buttons).equals(wording(reported.buttons));
    }

    private Optional<String> headerText() {
        return header.filter(Header::isText).map(Header::text);
    }

    private static List<List<Object>> wording(List<Button> buttons) {
        return buttons.stream().map(b -> java.util.Arrays.<Object>asList(b.type(), b.text(), b.url(), b.phoneNumber()))
                .toList();
    }

    public List<ContentViolation> violations() {
        return List.copyOf(ContentLimits.check(this));
    }

    public TemplateContent requireValid() {
        List<ContentViolation> violations = violations();
        if (!violations.isEmpty()) {
            throw new InvalidTemplateContent(violations);
        }
        return this;
    }

    /** Variable names per component, in order; what a send must supply. */
    public Map<String, List<String>> parameters() {
        java.util.LinkedHashMap<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        header.filter(Header::isText).ifPresent(h -> parameters.put("HEADER", TemplateText.parse(h.text()).parameterNames()));
        parameters.put("BODY", TemplateText.parse(body.text()).parameterNames());
        return parameters;
    }

    /**
     * How the variables a send fills differ from {@code other}'s: the parameter format, and per component
     * (HEADER, BODY, BUTTONS[i] for a URL button) the variables' names, so their count too. Empty when one
     * send's values fit both; each difference reads "what this has vs what other has".
     */
    public List<String> parameterDifferences(TemplateContent other) {
        List<String> differences = new ArrayList<>();
        if (parameterFormat != other.parameterFormat) {
            differences.add("parameter format " + parameterFormat + " vs " + other.parameterFormat);
        }
        Map<String, SortedSet<String>> mine = variables();
        Map<String, SortedSet<String>> theirs = other.variables();
        SortedSet<String> components = new TreeSet<>(mine.keySet());
        components.addAll(theirs.keySet());
        for (String component : components) {
            SortedSet<String> a = mine.getOrDefault(component, new TreeSet<>());
            SortedSet<String> b = theirs.getOrDefault(component, new TreeSet<>());
            if (!a.equals(b)) {
                differences.add(component + " variables " + a + " vs " + b);
            }
        }
        return differences;
    }

    /** The variables a send fills, by component; components without any are left out. */
    private Map<String, SortedSet<String>> variables() {
        Map<String, SortedSet<String>> variables = new LinkedHashMap<>();
        parameters().forEach((component, names) -> variables.put(component, new TreeSet<>(names)));
        for (int i = 0; i < buttons.size(); i++) {
            int index = i;
            urlText(buttons.get(i)).ifPresent(url -> variables.put("BUTTONS[" + index + "]",
                    new TreeSet<>(url.parameterNames())));
        }
        variables.values().removeIf(Set::isEmpty);
        return variables;
    }

    /**
     * Fills the variables of the header, the body and the URL buttons.
     *
     * @param buttonValues the value of a URL button's variable, by the button's index
     * @throws ParameterMismatch when any value is missing, extra or malformed, listing all of them
     */
    public RenderedContent render(Map<String, String> headerValues, Map<String, String> bodyValues,
                                  Map<Integer, String> buttonValues) {
        List<ValueProblem> problems = new ArrayList<>();
        Optional<TemplateText> headerText = header.filter(Header::isText).map(h -> TemplateText.parse(h.text()));
        if (headerText.isPresent()) {
            problems.addAll(Renderer.problems("HEADER", headerText.get(), headerValues));
        } else {
            headerValues.keySet().forEach(name -> problems.add(new ValueProblem("HEADER", name,
                    ValueProblem.Rule.UNKNOWN_PARAMETER, "HEADER has no text variables")));
        }
        TemplateText bodyText = TemplateText.parse(body.text());
        problems.addAll(Renderer.problems("BODY", bodyText, bodyValues));
        List<Optional<TemplateText>> urls = buttons.stream().map(TemplateContent::urlText).toList();
        for (int i = 0; i < buttons.size(); i++) {
            problems.addAll(Renderer.problems("BUTTONS[" + i + "]", urls.get(i).orElse(TemplateText.parse("")),
                    urlValues(urls.get(i), buttonValues.get(i))));
        }
        buttonValues.keySet().stream().filter(index -> index < 0 || index >= buttons.size()).forEach(index ->
                problems.add(new ValueProblem("BUTTONS[" + index + "]", String.valueOf(index),
                        ValueProblem.Rule.NO_SUCH_BUTTON,
                        "there is no button " + index + "; the template has " + buttons.size())));
        if (!problems.isEmpty()) {
            throw new ParameterMismatch(problems);
        }
        List<RenderedButton> rendered = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            String value = buttonValues.get(i);
            String url = urls.get(i).map(text -> Renderer.render("BUTTONS", text, urlValues(Optional.of(text), value)))
                    .orElse(button.url());
            rendered.add(new RenderedButton(button.type(), button.text(), url, button.phoneNumber()));
        }
        return new RenderedContent(headerText.map(t -> Renderer.render("HEADER", t, headerValues)),
                Renderer.render("BODY", bodyText, bodyValues), footer.map(Footer::text), rendered);
    }

    /** The URL of a URL button as a text with variables; other buttons have none. */
    private static Optional<TemplateText> urlText(Button button) {
        return button.type() == ButtonType.URL && button.url() != null
                ? Optional.of(TemplateText.parse(button.url())) : Optional.empty();
    }

    /** A button takes one value, for its URL's one variable; keyed by that variable's name to render it. */
    private static Map<String, String> urlValues(Optional<TemplateText> url, String value) {
        if (value == null) {
            return Map.of();
        }
        String name = url.map(TemplateText::parameterNames).filter(names -> names.size() == 1)
                .map(names -> names.get(0)).orElse("1");
        return Map.of(name, value);
    }
}
