package dev.warden.domain.template.version;

/**
 * How one field of one component differs between two versions.
 *
 * @param component TEMPLATE (category, parameter format), HEADER, BODY, FOOTER or BUTTONS[i]
 * @param field     category, parameterFormat, format, text, examples, type, url, phoneNumber or example
 * @param before    the earlier value as text, null when ADDED
 * @param after     the later value as text, null when REMOVED
 */
public record ComponentChange(String component, String field, Change change, String before, String after) {

    /** The kind of difference. */
    public enum Change { ADDED, REMOVED, CHANGED }
}
