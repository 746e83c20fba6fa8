package dev.warden.bootstrap;

import dev.warden.application.port.out.ServerLog;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server log of the use cases: an internal error at ERROR with its reference and stack, the rest at WARN. */
@Singleton
final class Slf4jServerLog implements ServerLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.warden.application");

    @Override
    public void internalError(String reference, String what, Throwable cause) {
        LOG.error("{} (reference {})", what, reference, cause);
    }

    @Override
    public void warning(String what) {
        LOG.warn(what);
    }

    @Override
    public void warning(String what, Throwable cause) {
        LOG.warn(what, cause);
    }
}
