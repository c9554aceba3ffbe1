package io.neonops.operator.runtime;

import java.util.Objects;

/**
 * The answer to a liveness or readiness probe.
 *
 * @param ok     whether the probe passes (HTTP 200) or fails (HTTP 503)
 * @param detail one line for whoever reads the probe's body, e.g. what is not ready yet
 */
public record Probe(boolean ok, String detail) {

    public Probe {
        Objects.requireNonNull(detail, "detail");
    }

    public static Probe passing(String detail) {
        return new Probe(true, detail);
    }

    public static Probe failing(String detail) {
        return new Probe(false, detail);
    }
}
