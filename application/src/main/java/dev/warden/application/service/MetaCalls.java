package dev.warden.application.service;

import dev.warden.application.port.in.MetaRefused;
import dev.warden.application.port.in.MetaUnreachable;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.domain.shared.DomainException;
import java.util.function.Supplier;

/** A write to Meta, its failure told to the person who asked in the use cases' terms. */
final class MetaCalls {

    private MetaCalls() {
    }

    /** Runs {@code call}; Meta's refusal becomes {@link MetaRefused}, anything else {@link MetaUnreachable}. */
    static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (MetaCallFailed e) {
            throw translate(what, e);
        }
    }

    static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    private static DomainException translate(String what, MetaCallFailed e) {
        return switch (e.kind()) {
            case REFUSED, ACCESS_DENIED -> new MetaRefused("Meta refused to " + what + ": " + e.getMessage());
            case RATE_LIMITED, UNAVAILABLE -> new MetaUnreachable("Warden could not " + what + " now ("
                    + e.kind() + "): " + e.getMessage() + "; try again later");
            case MALFORMED_RESPONSE -> new MetaUnreachable("Meta's answer when asked to " + what
                    + " could not be read: " + e.getMessage() + "; the next reconciliation shows what Meta did");
        };
    }
}
