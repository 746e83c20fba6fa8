package dev.warden.domain.template.content;

import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.ParameterIssue;
import dev.warden.domain.template.parameter.ParameterRules;
import dev.warden.domain.template.parameter.TemplateText;
import dev.warden.domain.template.parameter.TextRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Meta's limits on components (SPEC 3.6, meta-platform.md section 8), checked all at once. */
final class ContentLimits {

    static final int HEADER_TEXT_MAX = 60;
    static final int BODY_TEXT_MAX = 1024;
    static final int FOOTER_TEXT_MAX = 60;
    static final int BUTTONS_MAX = 10;
    static final int URL_BUTTONS_MAX = 2;
    static final int PHONE_BUTTONS_MAX = 1;
    static final int COPY_CODE_BUTTONS_MAX = 1;
    static final int BUTTON_LABEL_MAX = 25;
    static final int BUTTON_URL_MAX = 2000;
    static final int BUTTON_PHONE_MAX = 20;
    static final int COPY_CODE_EXAMPLE_MAX = 15;

    private ContentLimits() {
    }

    static List<ContentViolation> check(TemplateContent content) {
        List<ContentViolation> violations = new ArrayList<>();
        ParameterFormat format = content.parameterFormat();
        content.header().filter(Header::isText).ifPresent(header -> {
            length("HEADER", header.text(), HEADER_TEXT_MAX, violations);
            parameters("HEADER", header.text(), format, TextRole.HEADER, header.examples(), violations);
        });
        length("BODY", content.body().text(), BODY_TEXT_MAX, violations);
        parameters("BODY", content.body().text(), format, TextRole.BODY, content.body().examples(), violations);
        content.footer().ifPresent(footer -> {
            length("FOOTER", footer.text(), FOOTER_TEXT_MAX, violations);
            parameters("FOOTER", footer.text(), format, TextRole.FOOTER, Map.of(), violations);
        });
        buttons(content.buttons(), violations);
        return violations;
    }

    private static void length(String component, String text, int max, List<ContentViolation> violations) {
        if (text.length() > max) {
            violations.add(new ContentViolation(component, "text", "TOO_LONG",
                    "text is " + text.length() + " characters, at most " + max + " allowed"));
        }
    }

    private static void parameters(String component, String text, ParameterFormat format, TextRole role,
                                   Map<String, String> examples, List<ContentViolation> violations) {
        for (ParameterIssue issue : ParameterRules.check(TemplateText.parse(text), format, role, examples)) {
            violations.add(new ContentViolation(component, issue.aboutExamples() ? "examples" : "text",
                    issue.rule().name(), issue.message()));
        }
    }

    private static void buttons(List<Button> buttons, List<ContentViolation> violations) {
        if (buttons.size() > BUTTONS_MAX) {
            violations.add(new ContentViolation("BUTTONS", "buttons", "TOO_MANY", buttons.size()
                    + " buttons, at most " + BUTTONS_MAX + " allowed"));
        }
        count(buttons, ButtonType.URL, URL_BUTTONS_MAX, violations);
        count(buttons, ButtonType.PHONE_NUMBER, PHONE_BUTTONS_MAX, violations);
        count(buttons, ButtonType.COPY_CODE, COPY_CODE_BUTTONS_MAX, violations);
        grouping(buttons, violations);
        for (int i = 0; i < buttons.size(); i++) {
            button("BUTTONS[" + i + "]", buttons.get(i), violations);
        }
    }

    private static void count(List<Button> buttons, ButtonType type, int max, List<ContentViolation> violations) {
        long found = buttons.stream().filter(b -> b.type() == type).count();
        if (found > max) {
            violations.add(new ContentViolation("BUTTONS", "buttons", "TOO_MANY_" + type, found + " " + type
                    + " buttons, at most " + max + " allowed"));
        }
    }

    private static void button(String component, Button button, List<ContentViolation> violations) {
        if (button.type() != ButtonType.COPY_CODE && button.type() != ButtonType.OTP && button.text().isBlank()) {
            violations.add(new ContentViolation(component, "text", "MISSING_LABEL", "a " + button.type() + " button needs a label"));
        }
        if (button.text().length() > BUTTON_LABEL_MAX) {
            violations.add(new ContentViolation(component, "text", "LABEL_TOO_LONG", "label is " + button.text().length()
                    + " characters, at most " + BUTTON_LABEL_MAX + " allowed"));
        }
        if (button.type() == ButtonType.URL) {
            urlButton(component, button, violations);
        }
        if (button.type() == ButtonType.PHONE_NUMBER
                && (button.phoneNumber() == null || button.phoneNumber().isBlank()
                || button.phoneNumber().length() > BUTTON_PHONE_MAX)) {
            violations.add(new ContentViolation(component, "phoneNumber", "INVALID_PHONE",
                    "a phone button needs a number of at most " + BUTTON_PHONE_MAX + " characters"));
        }
        if (button.type() == ButtonType.COPY_CODE) {
            copyCodeButton(component, button, violations);
        }
    }

    private static void urlButton(String component, Button button, List<ContentViolation> violations) {
        String url = button.url();
        if (url == null || url.isBlank()) {
            violations.add(new ContentViolation(component, "url", "MISSING_URL", "a URL button needs a URL"));
            return;
        }
        if (url.length() > BUTTON_URL_MAX) {
            violations.add(new ContentViolation(component, "url", "URL_TOO_LONG", "URL is at most " + BUTTON_URL_MAX
                    + " characters"));
        }
        TemplateText text = TemplateText.parse(url);
        if (text.placeholders().size() > 1
                || (text.placeholders().size() == 1 && text.placeholders().get(0).end() != url.length())) {
            violations.add(new ContentViolation(component, "url", "URL_VARIABLE",
                    "a URL may hold one variable, and only at its end"));
        } else if (text.placeholders().size() == 1 && (button.example() == null || button.example().isBlank())) {
            violations.add(new ContentViolation(component, "example", "MISSING_EXAMPLE",
                    "the URL variable needs an example"));
        }
    }

    /** Meta shows a copy-code button with its own label; the code to copy is the example, at most 15 characters. */
    private static void copyCodeButton(String component, Button button, List<ContentViolation> violations) {
        if (button.example() == null || button.example().isBlank()) {
            violations.add(new ContentViolation(component, "example", "MISSING_EXAMPLE",
                    "a copy-code button needs an example code"));
        } else if (button.example().length() > COPY_CODE_EXAMPLE_MAX) {
            violations.add(new ContentViolation(component, "example", "CODE_TOO_LONG",
                    "copy code example is at most " + COPY_CODE_EXAMPLE_MAX + " characters"));
        }
    }

    /** Meta refuses quick-reply buttons mixed in between the other buttons: they come as one group, first or last. */
    private static void grouping(List<Button> buttons, List<ContentViolation> violations) {
        int groups = 0;
        for (int i = 0; i < buttons.size(); i++) {
            boolean quickReply = buttons.get(i).type() == ButtonType.QUICK_REPLY;
            if (quickReply && (i == 0 || buttons.get(i - 1).type() != ButtonType.QUICK_REPLY)) {
                groups++;
            }
        }
        if (groups > 1) {
            violations.add(new ContentViolation("BUTTONS", "buttons", "BUTTONS_NOT_GROUPED",
                    "quick-reply buttons must be grouped together, before or after the other buttons"));
        }
    }
}
