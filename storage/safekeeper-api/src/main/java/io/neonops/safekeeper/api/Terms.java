package io.neonops.safekeeper.api;

/** Consensus terms are u64 on the server; Java longs hold every term a cluster can reach. */
final class Terms {

    private Terms() {
    }

    static void requireNonNegative(String field, long term) {
        if (term < 0) {
            throw new IllegalArgumentException("invalid " + field + " " + term + ": must not be negative");
        }
    }
}
