package dev.warden.adapters.web.api;

import dev.warden.adapters.web.problem.FieldError;
import dev.warden.adapters.web.problem.InvalidRequest;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.content.Body;
import dev.warden.domain.template.content.Button;
import dev.warden.domain.template.content.ButtonType;
import dev.warden.domain.template.content.Footer;
import dev.warden.domain.template.content.Header;
import dev.warden.domain.template.content.HeaderFormat;
import dev.warden.domain.template.content.InvalidTemplateContent;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a request's {@code components} (HEADER, BODY, FOOTER, BUTTONS, each at most once) into template
 * content, and remembers where each came from, so the domain's verdict on a component points at the
 * request field a person wrote ({@code components[1].text}).
 */
final class TemplateComponents {

    private static final List<String> TYPES = List.of("HEADER", "BODY", "FOOTER", "BUTTONS");
    private static final List<ButtonType> AUTHORED_BUTTONS = List.of(ButtonType.QUICK_REPLY, ButtonType.URL,
            ButtonType.PHONE_NUMBER, ButtonType.COPY_CODE);

    private final JsonFields json;
    private final Map<String, String> paths = new HashMap<>();
    private Optional<Header> header = Optional.empty();
    private Optional<Body> body = Optional.empty();
    private Optional<Footer> footer = Optional.empty();
    private final List<Button> buttons = new ArrayList<>();

    private TemplateComponents(JsonFields json) {
        this.json = json;
    }

    /** Reads the components; faults go to {@code json}. */
    static TemplateComponents read(Object components, JsonFields json) {
        TemplateComponents read = new TemplateComponents(json);
        json.list(components, "components").ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                String path = "components[" + i + "]";
                json.object(list.get(i), path).ifPresent(component -> read.component(component, path));
            }
            if (read.body.isEmpty() && !read.paths.containsKey("BODY")) {
                json.error("components", "MISSING_BODY", "a template needs a BODY component");
            }
        });
        return read;
    }

    /** The content read, empty when the body was missing or refused. */
    Optional<TemplateContent> content(ParameterFormat format) {
        return body.map(b -> new TemplateContent(format, header, b, footer, buttons));
    }

    /** The domain's verdict on the content, each violation at the request field it came from. */
    InvalidRequest translate(InvalidTemplateContent refused) {
        return new InvalidRequest(refused.violations().stream().map(v -> new FieldError(
                paths.getOrDefault(v.component(), v.component().toLowerCase(Locale.ROOT)) + "." + v.field(),
                v.rule(), v.message())).toList());
    }

    private void component(Map<String, Object> component, String path) {
        Optional<String> type = json.requiredText(component, "type", path + ".type")
                .map(t -> t.strip().toUpperCase(Locale.ROOT));
        if (type.isEmpty()) {
            return;
        }
        if (!TYPES.contains(type.get())) {
            json.error(path + ".type", "INVALID_VALUE", "must be one of " + TYPES + ", was '" + type.get() + "'");
            return;
        }
        if (paths.putIfAbsent(type.get(), path) != null) {
            json.error(path + ".type", "DUPLICATE_COMPONENT", "a template has at most one " + type.get()
                    + ", the first is " + paths.get(type.get()));
            return;
        }
        switch (type.get()) {
            case "HEADER" -> header = header(component, path);
            case "BODY" -> body = json.requiredText(component, "text", path + ".text").flatMap(text -> json.build(
                    path + ".text", () -> new Body(text, json.texts(component, "examples", path + ".examples"))));
            case "FOOTER" -> footer = json.requiredText(component, "text", path + ".text")
                    .flatMap(text -> json.build(path + ".text", () -> new Footer(text)));
            default -> buttons(component, path);
        }
    }

    private Optional<Header> header(Map<String, Object> component, String path) {
        HeaderFormat format = json.parse(json.text(component, "format", path + ".format"), path + ".format",
                HeaderFormat::parse).orElse(HeaderFormat.TEXT);
        Optional<String> text = json.text(component, "text", path + ".text");
        Map<String, String> examples = json.texts(component, "examples", path + ".examples");
        return json.build(path + ".text", () -> new Header(format, text.orElse(null), examples));
    }

    private void buttons(Map<String, Object> component, String path) {
        json.list(component.get("buttons"), path + ".buttons").ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                String buttonPath = path + ".buttons[" + i + "]";
                paths.put("BUTTONS[" + i + "]", buttonPath);
                json.object(list.get(i), buttonPath).flatMap(b -> button(b, buttonPath)).ifPresent(buttons::add);
            }
        });
    }

    private Optional<Button> button(Map<String, Object> button, String path) {
        Optional<ButtonType> type = json.parse(json.requiredText(button, "type", path + ".type"), path + ".type",
                TemplateComponents::buttonType);
        Optional<String> text = json.text(button, "text", path + ".text");
        Optional<String> url = json.text(button, "url", path + ".url");
        Optional<String> phone = json.text(button, "phoneNumber", path + ".phoneNumber");
        Optional<String> example = json.text(button, "example", path + ".example");
        return type.map(t -> new Button(t, text.orElse(""), url.orElse(null), phone.orElse(null),
                example.orElse(null)));
    }

    private static ButtonType buttonType(String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return AUTHORED_BUTTONS.stream().filter(t -> t.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidValue("must be one of " + AUTHORED_BUTTONS
                        + ", was '" + value + "'"));
    }
}
