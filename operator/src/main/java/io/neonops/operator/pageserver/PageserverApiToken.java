package io.neonops.operator.pageserver;

import io.neonops.storage.common.api.ApiClientSettings;
import java.util.Objects;

/** What the operator presents to the management API of a cluster's pageservers. */
public sealed interface PageserverApiToken {

    /** {@code settings} presenting this token, when it is a bearer token. */
    default ApiClientSettings presentedOn(ApiClientSettings settings) {
        return this instanceof Bearer bearer ? settings.withBearerToken(bearer.token()) : settings;
    }

    /** {@code spec.auth} is off: the pageservers take requests without a token. */
    record NotNeeded() implements PageserverApiToken {
    }

    /** The token from the Secret {@code spec.auth.apiTokenSecret} names. */
    record Bearer(String token) implements PageserverApiToken {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        /** A token is a credential: it must never reach a log line or an exception message. */
        @Override
        public String toString() {
            return "Bearer[redacted]";
        }
    }

    /** Auth is on and no token can be had; the reason names the field or the Secret. */
    record Unavailable(String reason) implements PageserverApiToken {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
