package io.neonops.storage.common.api;

import java.util.Optional;

/** HTTP 404: the tenant, timeline or route does not exist on that server. */
public final class NotFoundException extends NeonApiStatusException {

    NotFoundException(String endpoint, Optional<String> serverMessage, String reason) {
        super(endpoint, 404, serverMessage, reason);
    }
}
