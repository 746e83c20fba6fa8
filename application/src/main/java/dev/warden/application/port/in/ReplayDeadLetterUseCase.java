package dev.warden.application.port.in;

/** Use case: a super admin sends a dead webhook change through processing again. */
public interface ReplayDeadLetterUseCase {

    void replay(Actor actor, long changeId);
}
