package io.neonops.storage.common.api;

/** A success status whose body is not the JSON the API describes. */
public final class MalformedResponseException extends NeonApiException {

    public MalformedResponseException(String endpoint, String reason, Throwable cause) {
        super(endpoint, reason, cause);
    }
}
