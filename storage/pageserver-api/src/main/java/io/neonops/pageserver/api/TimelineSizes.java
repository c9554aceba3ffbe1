package io.neonops.pageserver.api;

/**
 * Which expensive sizes a timeline query asks the pageserver to compute from scratch (the
 * {@code include-non-incremental-*} query parameters); the incremental sizes always come.
 */
public enum TimelineSizes {
    INCREMENTAL_ONLY(false, false),
    WITH_NON_INCREMENTAL_LOGICAL(true, false),
    WITH_NON_INCREMENTAL_PHYSICAL(false, true),
    WITH_ALL_NON_INCREMENTAL(true, true);

    private final boolean logical;
    private final boolean physical;

    TimelineSizes(boolean logical, boolean physical) {
        this.logical = logical;
        this.physical = physical;
    }

    boolean includeNonIncrementalLogical() {
        return logical;
    }

    boolean includeNonIncrementalPhysical() {
        return physical;
    }
}
