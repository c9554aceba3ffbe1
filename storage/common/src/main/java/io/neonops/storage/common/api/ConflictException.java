package io.neonops.storage.common.api;

import java.util.Optional;

/** HTTP 409: e.g. the tenant or timeline already exists. */
public final class ConflictException extends NeonApiStatusException {

    ConflictException(String endpoint, Optional<String> serverMessage, String reason) {
        super(endpoint, 409, serverMessage, reason);
    }
}
