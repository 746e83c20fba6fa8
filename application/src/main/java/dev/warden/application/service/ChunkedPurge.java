package dev.warden.application.service;

import dev.warden.application.port.out.UnitOfWork;
import java.time.Instant;

/**
 * Deletes what is older than a moment in small transactions, until a chunk comes back short: one
 * long delete would hold back vacuum and the workers' claims on the same table.
 */
final class ChunkedPurge {

    static final int CHUNK = 1_000;

    /** One chunk: deletes at most {@code limit} rows older than {@code before}; how many it deleted. */
    interface Chunk {
        int delete(Instant before, int limit);
    }

    private ChunkedPurge() {
    }

    static int run(UnitOfWork unitOfWork, Instant before, Chunk chunk) {
        int total = 0;
        int purged;
        do {
            purged = unitOfWork.inTransaction(() -> chunk.delete(before, CHUNK));
            total += purged;
        } while (purged == CHUNK);
        return total;
    }
}
