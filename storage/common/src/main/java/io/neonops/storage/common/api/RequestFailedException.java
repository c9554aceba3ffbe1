package io.neonops.storage.common.api;

/** The request did not complete: connection refused or reset, a body over the size limit, or the calling thread was interrupted. */
public final class RequestFailedException extends NeonApiException {

    RequestFailedException(String endpoint, String reason, Throwable cause) {
        super(endpoint, reason, cause);
    }
}
