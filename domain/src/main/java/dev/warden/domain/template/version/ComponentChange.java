package dev.warden.domain.template.version;

/**
 * How one component differs between two versions.
 *
 * @param component HEADER, BODY, FOOTER, BUTTONS[i], CATEGORY or PARAMETER_FORMAT
 * @param before    the earlier value as text, null when ADDED
 * @param after     the later value as text, null when REMOVED
 */
public record ComponentChange(String component, Change change, String before, String after) {

    /** The kind of difference. */
    public enum Change { ADDED, REMOVED, CHANGED }
}
