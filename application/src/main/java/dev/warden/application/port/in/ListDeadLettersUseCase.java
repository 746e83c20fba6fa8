package dev.warden.application.port.in;

import dev.warden.application.port.out.DeadLetter;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Query: webhook changes that failed for good (super admins). */
public interface ListDeadLettersUseCase {

    Page<DeadLetter> listDeadLetters(Actor actor, PageRequest page);
}
