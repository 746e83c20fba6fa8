package dev.warden.application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a WABA's templates at Meta.
 *
 * @param next          the cursor of the next page; empty on the last page
 * @param templateCount how many templates the WABA has, when Meta's summary says
 * @param templateLimit how many it may have ({@code message_template_limit}), when Meta's summary says
 */
public record MetaTemplatePage(List<MetaTemplateView> templates, Optional<String> next, OptionalLong templateCount,
                               OptionalLong templateLimit) {

    public MetaTemplatePage {
        templates = List.copyOf(Objects.requireNonNull(templates, "templates"));
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(templateCount, "templateCount");
        Objects.requireNonNull(templateLimit, "templateLimit");
    }
}
