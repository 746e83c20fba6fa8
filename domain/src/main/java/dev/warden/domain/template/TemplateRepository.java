package dev.warden.domain.template;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Outgoing persistence port for message templates. Every lookup is scoped to an organisation. */
public interface TemplateRepository extends TemplateStore {

    Optional<MessageTemplate> findById(OrganizationId organizationId, TemplateId id);

    /** The organisation a template belongs to; for super admins, who name no organisation. */
    Optional<OrganizationId> ownerOf(TemplateId id);

    /**
     * The templates of an organisation with these Meta keys; those not stored are left out. A database
     * implementation locks them for the caller's transaction, in one consistent order, so callers that
     * govern the same template one after the other never both compute on the same revision.
     */
    default List<MessageTemplate> findByKeys(OrganizationId organizationId, Collection<TemplateKey> keys) {
        return keys.stream().map(key -> findByKey(organizationId, key)).flatMap(Optional::stream).toList();
    }

    /**
     * Like {@link #findByKeys}, but without waiting for a template another transaction holds: those come back as
     * busy, unread. An implementation without locks has no busy templates.
     */
    default AvailableTemplates findByKeysUnlessBusy(OrganizationId organizationId, Collection<TemplateKey> keys) {
        return new AvailableTemplates(findByKeys(organizationId, keys), Set.of());
    }

    /** Adds several templates at once; implementations may send them in one round trip. */
    default void addAll(List<MessageTemplate> templates) {
        templates.forEach(this::add);
    }

    /**
     * Updates several templates at once, each from its loaded to its changed state; implementations may send them in
     * one round trip and only the columns that differ.
     *
     * @throws ConcurrentModification if any of them changed since it was loaded
     */
    default void updateAll(List<ChangedTemplate> updates) {
        updates.forEach(update -> update(MessageTemplate.reconstitute(update.changed())));
    }

    /** The templates of a WABA with exactly this name and language (Meta allows one, history may hold more). */
    List<TemplateSnapshot> findByName(OrganizationId organizationId, WabaId wabaId, TemplateName name,
                                      LanguageCode language);

    /**
     * Removes a template with what is recorded only about it (versions, history, quality observations).
     * Campaigns must not use it (see {@code CampaignRepository.anyUsing}).
     */
    void delete(OrganizationId organizationId, TemplateId id);

    /** Ordered by name, then language, then id. */
    Page<TemplateSnapshot> list(TemplateFilter filter, PageRequest page);
}
