package dev.warden.application.port.out;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Asking Meta to make a template sendable again: lift a pause during pacing, or unarchive. Like
 * {@link MetaTemplateSubmission}, each call is made once; a lost answer is healed by reconciliation.
 */
public interface MetaTemplateRecovery {

    /** Whether Warden holds an access token at all. */
    boolean configured();

    /**
     * Lifts a pause Meta made during pacing.
     *
     * @throws MetaCallFailed with kind REFUSED and Meta's reason when Meta will not unpause it
     */
    void unpause(WabaId wabaId, MetaTemplateId id);

    /**
     * Unarchives templates of one WABA (at most 100); Meta answers per template.
     *
     * @throws MetaCallFailed when Meta refuses the whole request or cannot be asked
     */
    Unarchived unarchive(WabaId wabaId, List<MetaTemplateId> ids);

    /** Meta's answer to an unarchive: the templates it restored and, for each it did not, why. */
    record Unarchived(Set<MetaTemplateId> restored, Map<MetaTemplateId, String> failed) {

        public Unarchived {
            restored = Set.copyOf(Objects.requireNonNull(restored, "restored"));
            failed = Map.copyOf(Objects.requireNonNull(failed, "failed"));
        }
    }
}
