package dev.warden.adapters.web.api;

import dev.warden.adapters.web.problem.InvalidParameter;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.shared.Sort;
import dev.warden.domain.shared.SortField;
import dev.warden.domain.template.TemplateId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Query parameters read strictly: a value that is not allowed is a 400 naming the parameter and the allowed values. */
public final class QueryValues {

    private QueryValues() {
    }

    public static PageRequest page(Integer page, Integer size) {
        try {
            return new PageRequest(page == null ? 0 : page, size == null ? PageRequest.DEFAULT_SIZE : size);
        } catch (InvalidValue refused) {
            // PageRequest's message starts with the parameter it refused.
            throw new InvalidParameter(refused.getMessage().startsWith("page") ? "page" : "size", refused);
        }
    }

    static Optional<OrganizationId> organization(String text) {
        try {
            return blank(text) ? Optional.empty() : Optional.of(OrganizationId.parse(text.strip()));
        } catch (InvalidValue refused) {
            throw new InvalidParameter("organizationId", refused);
        }
    }

    static Optional<TemplateId> template(String text) {
        try {
            return blank(text) ? Optional.empty() : Optional.of(TemplateId.parse(text.strip()));
        } catch (InvalidValue refused) {
            throw new InvalidParameter("templateId", refused);
        }
    }

    static <E extends Enum<E>> Optional<E> oneOf(String name, String text, Class<E> type) {
        if (blank(text)) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Optional.of(Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidParameter(name, name + " must be one of "
                        + Arrays.toString(type.getEnumConstants()) + ", was '" + text + "'")));
    }

    /**
     * Free text to search for, stripped: at most {@code maxLength} characters and no control characters
     * (PostgreSQL refuses NUL in text, and no stored name contains one).
     */
    /**
     * The order of a list from {@code sort=field} (ascending) or {@code sort=-field} (descending); the
     * field must be on the list's allow-list, which the 400 names.
     */
    static <F extends Enum<F> & SortField<T>, T> Optional<Sort<F, T>> sort(String text, Class<F> fields) {
        if (blank(text)) {
            return Optional.empty();
        }
        String wanted = text.strip();
        boolean descending = wanted.startsWith("-");
        String name = descending ? wanted.substring(1) : wanted;
        return Optional.of(Arrays.stream(fields.getEnumConstants()).filter(f -> f.apiName().equals(name)).findFirst()
                .map(field -> new Sort<F, T>(field, descending))
                .orElseThrow(() -> new InvalidParameter("sort", "sort must be one of " + sortNames(fields)
                        + ", with a leading '-' for descending, was '" + text + "'")));
    }

    /** The allow-list as the 400 and the API documentation name it. */
    private static String sortNames(Class<? extends SortField<?>> fields) {
        return Arrays.stream(fields.getEnumConstants()).map(SortField::apiName).collect(Collectors.joining(", "));
    }

    static Optional<String> text(String name, String text, int maxLength) {
        if (blank(text)) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameter(name, name + " must be at most " + maxLength
                    + " characters without control characters");
        }
        return Optional.of(stripped);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
