package io.neonops.operator.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Locale;

/** How log lines look: as configured in logback.xml (text), or one JSON object per line for log collectors. */
public enum LogFormat {
    TEXT,
    JSON;

    /** {@code text} or {@code json}, as the command line and the chart spell them. */
    public static LogFormat parse(String text) {
        for (LogFormat format : values()) {
            if (format.spelling().equals(text)) {
                return format;
            }
        }
        throw new IllegalArgumentException("expected text or json, got \"" + text + "\"");
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Switches the output appenders of the root logger (console, file) to this format, keeping their targets
     * and every level; a restarted appender opens its target again. Text keeps the configured pattern.
     */
    public void applyTo(LoggerContext context) {
        if (this == TEXT) {
            return;
        }
        Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> output) {
                output.stop();
                output.setEncoder(jsonEncoder(context));
                output.start();
            }
        }
    }

    /**
     * Time, level, thread, logger, the formatted message, the MDC (the SDK puts the resource being reconciled
     * there), key-value pairs and the exception; not logback's context, nor the message template and arguments.
     */
    private static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
