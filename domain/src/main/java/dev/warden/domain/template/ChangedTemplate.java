package dev.warden.domain.template;

import java.util.Objects;

/**
 * A template as it was loaded and as it is to be stored, at the revision it was loaded with. Every write of a stored
 * template checks that revision and moves it on, so while it holds, the stored template is the loaded one: a store
 * may write only what differs (a status change then does not send the content again).
 */
public record ChangedTemplate(TemplateSnapshot loaded, TemplateSnapshot changed) {

    public ChangedTemplate {
        Objects.requireNonNull(loaded, "loaded");
        Objects.requireNonNull(changed, "changed");
        if (!loaded.id().equals(changed.id()) || !loaded.organizationId().equals(changed.organizationId())
                || loaded.revision() != changed.revision()) {
            throw new IllegalArgumentException("template " + changed.id() + ": loaded and changed are not one "
                    + "template at one revision");
        }
    }
}
