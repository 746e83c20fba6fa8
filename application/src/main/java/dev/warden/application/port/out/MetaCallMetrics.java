package dev.warden.application.port.out;

/**
 * Counts the calls made to Meta's Graph API by how each ended, for operators watching Warden
 * (metrics): every HTTP call, each retry included, so rate-limit hits show as they happen.
 */
public interface MetaCallMetrics {

    /** A call Meta answered usefully (an object it does not know included). */
    void answered();

    /** A call that failed, and how. */
    void failed(MetaCallFailed.Kind kind);

    /** For clients built without metrics (tests, tools). */
    MetaCallMetrics NONE = new MetaCallMetrics() {
        @Override
        public void answered() {
        }

        @Override
        public void failed(MetaCallFailed.Kind kind) {
        }
    };
}
