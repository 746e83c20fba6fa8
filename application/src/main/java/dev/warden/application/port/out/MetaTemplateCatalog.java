package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import java.util.Optional;

/**
 * Meta's own record of a WABA's templates (the Graph API), read page by page so a WABA of 6,000
 * templates never sits in memory at once. Answers in Warden's types; Meta's words stay in the adapter.
 */
public interface MetaTemplateCatalog {

    /** Whether Warden holds an access token at all; without one there is nothing to ask Meta. */
    boolean configured();

    /**
     * One page of the WABA's templates.
     *
     * @param after the cursor the page before gave, null for the first page
     * @throws MetaCallFailed when Meta cannot be asked or its answer cannot be read
     */
    MetaTemplatePage page(WabaId wabaId, String after);

    /**
     * One template as Meta has it now; empty when Meta does not know the id.
     *
     * @throws MetaCallFailed when Meta cannot be asked or its answer cannot be read
     */
    Optional<MetaTemplateView> template(WabaId wabaId, MetaTemplateId id);
}
