package dev.warden.application.service;

import dev.warden.application.port.in.SweepCancelledSendsUseCase;
import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import java.time.Clock;

/**
 * Use case implementation: the sends of cancelled campaigns still waiting are settled as skipped. A cancel
 * settles what waits when it commits; a dispatcher that had claimed a send before and then decided to wait or
 * retry (a cool-down, a provider error) puts it back afterwards, and one that died holding its claim leaves it
 * SENDING. Nothing claims a cancelled campaign's sends, so without this they would wait for good.
 */
public final class SweepCancelledSendsService implements SweepCancelledSendsUseCase {

    private final CampaignSends sends;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SweepCancelledSendsService(CampaignSends sends, UnitOfWork unitOfWork, Clock clock) {
        this.sends = sends;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int sweep() {
        return unitOfWork.inTransaction(() -> sends.dropWaitingOfCancelled(CancelCampaignService.NOT_SENT,
                clock.instant()));
    }
}
