package dev.warden.application.port.in;

/** Tells people again of CRITICAL alerts nobody acknowledged within their organisation's delay; run on a schedule. */
public interface EscalateAlertsUseCase {

    /** @return how many alerts were due (each is told once per raising, however often this runs) */
    int escalate();
}
