package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.content.TemplateContent;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to a WABA's templates at Meta (the Graph API): the writing half next to
 * {@link MetaTemplateCatalog}. Every method is one call Meta either accepts or refuses; none is
 * tried again once Meta may have acted, so a lost answer is healed by the next reconciliation.
 */
public interface MetaTemplateSubmission {

    /** Whether Warden holds an access token at all; without one there is nothing to send Meta. */
    boolean configured();

    /**
     * Submits a new template for review.
     *
     * @throws MetaCallFailed with kind REFUSED naming Meta's rule when Meta refuses the template
     */
    Submitted create(WabaId wabaId, TemplateName name, LanguageCode language, TemplateCategory category,
                     TemplateContent content);

    /**
     * Replaces a template's components (and category, when given) at Meta; it goes back to review.
     *
     * @throws MetaCallFailed when Meta refuses or cannot be asked
     */
    void edit(WabaId wabaId, MetaTemplateId id, Optional<TemplateCategory> category, TemplateContent content);

    /**
     * Deletes one template (this id, this name: one language) at Meta.
     *
     * @throws MetaCallFailed when Meta refuses or cannot be asked
     */
    void delete(WabaId wabaId, MetaTemplateId id, TemplateName name);

    /** Meta's answer to a submission: its id, the status it gave, and the category it chose (which may differ). */
    record Submitted(MetaTemplateId id, TemplateStatus status, TemplateCategory category) {

        public Submitted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(category, "category");
        }
    }
}
