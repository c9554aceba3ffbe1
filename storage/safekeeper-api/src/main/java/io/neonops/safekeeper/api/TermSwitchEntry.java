package io.neonops.safekeeper.api;

import io.neonops.storage.common.Lsn;
import java.util.Objects;

/** From {@code lsn} on, the WAL was written in {@code term}. */
public record TermSwitchEntry(long term, Lsn lsn) {

    public TermSwitchEntry {
        Terms.requireNonNegative("term", term);
        Objects.requireNonNull(lsn, "term history entry: lsn is missing");
    }
}
