package io.neonops.operator.status;

import java.util.Objects;

/**
 * Why the operator will not act on a spec: the API server could not reject it (a parser error, a scale-down,
 * an unsafe change, removing a Postgres major that timelines may still use), so it is reported on the resource
 * instead.
 *
 * @param reason  a CamelCase reason for the Degraded condition and the Event
 * @param message what is wrong, naming the field, e.g. {@code spec.safekeepers.replicas: ...}
 */
public record Refusal(String reason, String message) {

    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String SCALE_DOWN_REFUSED = "ScaleDownRefused";
    public static final String UNSAFE_VOLUME_CHANGE = "UnsafeVolumeChange";
    public static final String POSTGRES_VERSION_IN_USE = "PostgresVersionInUse";

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
