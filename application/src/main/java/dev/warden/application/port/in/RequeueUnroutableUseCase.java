package dev.warden.application.port.in;

import dev.warden.domain.organization.WabaId;
import java.util.Optional;

/**
 * Use case: a super admin sends the changes kept as unroutable through processing again, those
 * of one WABA or all. A change whose WABA is still unregistered comes back unroutable and alerted.
 */
public interface RequeueUnroutableUseCase {

    /** Returns how many changes went back into the inbox. */
    int requeueUnroutable(Actor actor, Optional<WabaId> wabaId);
}
