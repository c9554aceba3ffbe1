package io.neonops.controlplane.tenant;

import io.neonops.storage.common.api.NeonApiException;
import java.util.function.Supplier;

/** Runs one pageserver call for a command, so that a failure says what the command was doing. */
final class PageserverCall {

    private PageserverCall() {
    }

    /**
     * @throws IllegalStateException with the one-line message {@code "<action>: <endpoint>: <reason>"},
     *                               the reason being the server's own message for an error status
     */
    static <T> T run(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (NeonApiException e) {
            throw new IllegalStateException(action + ": " + e.getMessage(), e);
        }
    }
}
