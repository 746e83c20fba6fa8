package dev.warden.domain.template;

import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/**
 * The templates a governor works on: found by Meta key, added when first heard of, updated.
 * Narrower than {@link TemplateRepository} so a batch can hold them in memory and write behind.
 */
public interface TemplateStore {

    Optional<MessageTemplate> findByKey(OrganizationId organizationId, TemplateKey key);

    void add(MessageTemplate template);

    /** @throws ConcurrentModification if the template changed since it was loaded */
    void update(MessageTemplate template);
}
