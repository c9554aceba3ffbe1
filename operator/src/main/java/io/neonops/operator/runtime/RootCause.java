package io.neonops.operator.runtime;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** The innermost cause of a failure in a few words, for one-line errors (the wrappers only repeat it). */
final class RootCause {

    private RootCause() {
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "unknown host";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
