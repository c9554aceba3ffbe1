package io.neonops.storage.common.api;

/**
 * A call to a Neon management API failed. The message is one line: the endpoint, then the reason
 * (for an error status, the server's own {@code msg}).
 */
public abstract sealed class NeonApiException extends RuntimeException
        permits NeonApiStatusException, NeonApiTimeoutException, MalformedResponseException, RequestFailedException {

    private final String endpoint;

    NeonApiException(String endpoint, String reason, Throwable cause) {
        super(endpoint + ": " + OneLine.of(reason), cause);
        this.endpoint = endpoint;
    }

    /** Method and URL of the failed call, e.g. {@code GET http://127.0.0.1:9898/v1/tenant}. */
    public String endpoint() {
        return endpoint;
    }
}
