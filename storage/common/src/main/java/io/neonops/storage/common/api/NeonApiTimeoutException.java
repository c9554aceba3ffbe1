package io.neonops.storage.common.api;

/** No connection or no complete response within the configured timeout. */
public final class NeonApiTimeoutException extends NeonApiException {

    NeonApiTimeoutException(String endpoint, String reason, Throwable cause) {
        super(endpoint, reason, cause);
    }
}
