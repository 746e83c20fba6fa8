package dev.warden.adapters.web;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * A request's id in Micronaut's propagated context: on whichever thread handles the request it is
 * {@code requestId} in the MDC, and afterwards that thread's MDC holds what it held before. Only
 * this one key is touched, so what other code put in the MDC stays.
 */
record RequestIdContext(String id) implements ThreadPropagatedContextElement<String> {

    static final String MDC_KEY = "requestId";

    @Override
    public String updateThreadContext() {
        String before = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        return before;
    }

    @Override
    public void restoreThreadContext(String before) {
        if (before == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, before);
        }
    }
}
