package io.neonops.operator.upgrade;

import java.util.Objects;

/** A timeline on one of the cluster's pageservers and the Postgres major its data is in. */
public record TimelinePgVersion(String tenantId, String timelineId, int pgMajor) {

    public TimelinePgVersion {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(timelineId, "timelineId");
    }
}
