package dev.warden.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets one of logback.xml's two console appenders through: the JSON one when
 * {@code WARDEN_LOG_FORMAT} is {@code json} (any case), the text one otherwise. Done in a filter
 * rather than by naming the appender after the variable, so a misspelt value still logs, as text.
 */
public final class LogFormatFilter extends Filter<ILoggingEvent> {

    static final String JSON = "json";
    static final String TEXT = "text";

    private String format = TEXT;
    private String selected = TEXT;
    private boolean passes;

    /** The format of the appender this filter guards: {@code json} or {@code text}. */
    public void setFormat(String format) {
        this.format = format;
    }

    /** What the operator asked for ({@code WARDEN_LOG_FORMAT}). */
    public void setSelected(String selected) {
        this.selected = selected;
    }

    @Override
    public void start() {
        String wanted = selected == null ? "" : selected.trim().toLowerCase(Locale.ROOT);
        passes = format.equals(JSON.equals(wanted) ? JSON : TEXT);
        super.start();
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return passes ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
