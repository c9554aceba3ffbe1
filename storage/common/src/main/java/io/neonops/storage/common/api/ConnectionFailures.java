package io.neonops.storage.common.api;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Says in a few words why an HTTP request to a daemon failed before any answer. The JDK client hides the
 * reason in the cause chain, often under exceptions without a message (a refused connection ends in a bare
 * ClosedChannelException, an unknown host in a ConnectException caused by UnresolvedAddressException).
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    public static String describe(Throwable failure, URI endpoint) {
        if (causedBy(failure, UnknownHostException.class) || causedBy(failure, UnresolvedAddressException.class)) {
            return "unknown host " + endpoint.getHost();
        }
        if (causedBy(failure, ConnectException.class)) {
            return "connection refused (is the server running and listening there?)";
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + " " + t.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
