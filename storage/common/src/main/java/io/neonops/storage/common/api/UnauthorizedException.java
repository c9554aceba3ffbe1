package io.neonops.storage.common.api;

import java.util.Optional;

/** HTTP 401 or 403: the daemon runs with auth and the token is missing, invalid or lacks the scope. */
public final class UnauthorizedException extends NeonApiStatusException {

    UnauthorizedException(String endpoint, int status, Optional<String> serverMessage, String reason) {
        super(endpoint, status, serverMessage, reason);
    }
}
