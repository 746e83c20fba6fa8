package dev.warden.domain.template;

import java.util.Objects;

/**
 * A template as it was loaded and as it is to be stored: a store that checks the revision (the stored row is then
 * the loaded one) may write only what differs, so a status change does not send the content again.
 */
public record TemplateUpdate(TemplateSnapshot loaded, TemplateSnapshot changed) {

    public TemplateUpdate {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(changed, "changed");
        if (!loaded.id().equals(changed.id()) || !loaded.organizationId().equals(changed.organizationId())
                || loaded.revision() != changed.revision()) {
            throw new IllegalArgumentException("template " + changed.id() + ": loaded and changed are not one "
                    + "template at one revision");
        }
    }
}
