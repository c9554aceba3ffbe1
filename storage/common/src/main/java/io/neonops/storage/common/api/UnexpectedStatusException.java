package io.neonops.storage.common.api;

import java.util.Optional;

/** Any other non-2xx status, e.g. 400 for a malformed request or 500 for a server-side failure. */
public final class UnexpectedStatusException extends NeonApiStatusException {

    UnexpectedStatusException(String endpoint, int status, Optional<String> serverMessage, String reason) {
        super(endpoint, status, serverMessage, reason);
    }
}
