package dev.warden.adapters.persistence;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The answering thread of {@link GroupCommitDeliveryStore}: it completes the stages of the deliveries the writer has
 * committed (or failed), so that what waits on them (each request's answer) runs beside the writer, which starts on
 * the next group at once. Successes and failures alike go through it, in the writer's order: a committed delivery's
 * success can never be overtaken by a later failure of its group (only by its own timeout, should its success still
 * be queued when its wait runs out). Once the thread has stopped, inline.
 */
final class DeliveryAnswers {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread answering = new Thread(task, "webhook-delivery-answers");
        answering.setDaemon(true);
        return answering;
    });

    /** Completes each stage with the id at its position. */
    void committed(List<CompletableFuture<Long>> stages, List<Long> ids) {
        answer(() -> {
            for (int i = 0; i < stages.size(); i++) {
                stages.get(i).complete(ids.get(i));
            }
        });
    }

    void failed(List<CompletableFuture<Long>> stages, Throwable failure) {
        answer(() -> stages.forEach(stage -> stage.completeExceptionally(failure)));
    }

    /** Answers what was handed over before, waiting at most {@code seconds}. */
    void close(long seconds) throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    private void answer(Runnable completion) {
        try {
            thread.execute(completion);
        } catch (RejectedExecutionException stopped) {
            completion.run();
        }
    }
}
