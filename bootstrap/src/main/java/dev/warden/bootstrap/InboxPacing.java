package dev.warden.bootstrap;

import dev.warden.application.port.in.ProcessedBatch;
import dev.warden.application.port.in.WebhookIntakeLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How an instance's inbox workers pace themselves beside the webhook intake; acknowledging Meta keeps priority over
 * draining a backlog. While webhook POSTs are being stored and the batch a worker processed had waited longer than
 * {@code min-lag-to-give-way}, the worker waits after the batch, the longer the further behind, down to processing only
 * {@code share-during-intake} of the time at {@code max-lag-during-intake} (a batch of 40 ms with a share of 0.1 is
 * followed by 360 ms of waiting); a worker with its database session otherwise keeps a core busy that the intake needs
 * to answer quickly. A stream the workers keep up with rarely waits that long, so it is processed as it comes
 * (ADR 0030), in batches an interval apart: while they keep up with POSTs being stored, the workers take turns to
 * claim, one per {@code claim-interval-while-receiving} between them, so that each batch gathers more changes at the
 * price of that much lag (ADR 0031). Once the batch had waited longer than {@code max-lag-during-intake}, half the
 * workers (rounded down, at least one) stop giving way, and all of them once it had waited twice as long: so a steady
 * stream of POSTs never lets the backlog grow without bound, and while half the workers catch up the intake keeps
 * cores to answer on (ADR 0028).
 */
final class InboxPacing {

    /**
     * The longest a worker gives way after one batch: a batch slowed by lock waits or a busy database
     * took time, not CPU the intake could use, and a shutdown should not wait for a long pause.
     */
    private static final long MAX_GIVE_WAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final WebhookIntakeLoad intake;
    private final double shareDuringIntake;
    private final Duration minLagToGiveWay;
    private final Duration maxLagDuringIntake;
    private final Duration claimInterval;
    private final ClaimTurns turns;
    /**
     * While webhooks are being received, only this many workers (half, rounded down, at least one) catch up at full
     * pace once behind by {@code max-lag-during-intake}: the others keep giving way, so that the intake keeps cores to
     * answer on.
     */
    private final Semaphore catchingUpPlaces;

    InboxPacing(WebhookIntakeLoad intake, int threads, double shareDuringIntake, Duration minLagToGiveWay,
                Duration maxLagDuringIntake, Duration claimInterval) {
        this.intake = intake;
        if (!(shareDuringIntake > 0 && shareDuringIntake <= 1)) {
            throw new IllegalArgumentException("warden.inbox.workers.share-during-intake must be above 0 and at most 1,"
                    + " not " + shareDuringIntake);
        }
        this.shareDuringIntake = shareDuringIntake;
        if (minLagToGiveWay.isNegative() || minLagToGiveWay.compareTo(maxLagDuringIntake) >= 0) {
            throw new IllegalArgumentException("warden.inbox.workers.min-lag-to-give-way must be at least 0 and below"
                    + " max-lag-during-intake (" + maxLagDuringIntake + "), not " + minLagToGiveWay);
        }
        this.minLagToGiveWay = minLagToGiveWay;
        this.maxLagDuringIntake = maxLagDuringIntake;
        this.catchingUpPlaces = new Semaphore(Math.max(1, threads / 2));
        this.claimInterval = claimInterval;
        this.turns = new ClaimTurns(claimInterval, System::nanoTime);
    }

    /** One worker's pace, for its thread alone. */
    Pace newPace() {
        return new Pace();
    }

    @Override
    public String toString() {
        return "while webhooks are being received, a batch claimed every " + claimInterval + " while the workers keep"
                + " up, processing from " + minLagToGiveWay + " behind less of the time, down to a share of "
                + shareDuringIntake + " at " + maxLagDuringIntake + " behind";
    }

    /**
     * The share of the time a worker behind by {@code lag} processes while webhooks are being received: all of it up
     * to {@code min-lag-to-give-way}, then falling in proportion to the lag, to {@code share-during-intake} at
     * {@code max-lag-during-intake}. A stream the workers keep up with, held up just past the first bound, so
     * still gets most of the time and catches up; stepping down to the share at once let the lag of such a stream
     * grow towards the second bound (ADR 0030).
     */
    double shareWhileReceiving(Duration lag) {
        if (lag.compareTo(minLagToGiveWay) <= 0) {
            return 1;
        }
        double past = Math.min(1, seconds(lag.minus(minLagToGiveWay))
                / seconds(maxLagDuringIntake.minus(minLagToGiveWay)));
        return 1 - (1 - shareDuringIntake) * past;
    }

    /** In seconds, without {@link Duration#toNanos()}'s overflow beyond 292 years (a bound set very high). */
    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** One worker's pace after its batches: whether it holds a catching-up place, whether it takes turns. */
    final class Pace {

        private boolean holdsPlace;
        /** Whether the next claim waits for the instance's turn ({@link ClaimTurns}). */
        private boolean takesTurns;
        /** Waiting owed after batches, below a millisecond ({@link #giveWay}). */
        private long owedNanos;

        /**
         * After a batch that took {@code busyNanos}, while POSTs are being stored: a worker goes on (to its next turn,
         * {@link #awaitTurn}, unless the batch was full) while it is behind by no more than
         * {@code min-lag-to-give-way} (it keeps up); a worker that holds a catching-up place, or takes one, goes on
         * at once while it is behind by more than {@code max-lag-during-intake}; every worker does once behind by
         * twice that; the others wait so that they process only {@link #shareWhileReceiving} of the time.
         */
        void afterBatch(long busyNanos, ProcessedBatch batch) throws InterruptedException {
            boolean postsInFlight = intake.inFlight() > 0;
            boolean receiving = shareDuringIntake < 1 && postsInFlight;
            Duration lag = Duration.between(batch.oldestReceived(), Instant.now());
            takesTurns = postsInFlight && !batch.full() && lag.compareTo(minLagToGiveWay) <= 0;
            if (receiving && lag.compareTo(maxLagDuringIntake) > 0) {
                if (!holdsPlace) {
                    holdsPlace = catchingUpPlaces.tryAcquire();
                }
                if (holdsPlace || lag.compareTo(maxLagDuringIntake.multipliedBy(2)) > 0) {
                    return;
                }
            } else {
                leavePlace();
                if (!receiving) {
                    return;
                }
            }
            double share = shareWhileReceiving(lag);
            if (share < 1) {
                giveWay(Math.min(MAX_GIVE_WAY_NANOS, (long) (busyNanos * (1 - share) / share)));
            }
        }

        /**
         * Waits whole milliseconds only, carrying what is owed to the next batch: Java 17's {@code Thread.sleep} with
         * nanoseconds sleeps a whole millisecond more, so a wait of a few microseconds after a batch of two
         * milliseconds (just past {@code min-lag-to-give-way}) would have been a third of the time.
         */
        private void giveWay(long nanos) throws InterruptedException {
            owedNanos += nanos;
            long millis = owedNanos / 1_000_000;
            if (millis > 0) {
                owedNanos -= millis * 1_000_000;
                Thread.sleep(millis);
            }
        }

        /**
         * Before a claim: a worker that keeps up with webhooks being received (its last batch was not full, and its
         * oldest change was received no more than {@code min-lag-to-give-way} ago) waits for the instance's next
         * turn, so that the batch gathers more changes; others claim at once.
         */
        void awaitTurn() throws InterruptedException {
            if (!takesTurns) {
                turns.claimedNow();
                return;
            }
            // Rounded, not carried as giveWay carries: the turn is fixed in time, so the error does not add up.
            long millis = (turns.takeTurn() + 500_000) / 1_000_000;
            if (millis > 0) {
                Thread.sleep(millis);
            }
        }

        /** Nothing was due, or the batch failed: the next claim does not wait for a turn. */
        void idle() {
            takesTurns = false;
            leavePlace();
        }

        void leavePlace() {
            if (holdsPlace) {
                holdsPlace = false;
                catchingUpPlaces.release();
            }
        }
    }
}
