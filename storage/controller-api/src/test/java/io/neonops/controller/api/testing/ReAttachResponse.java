package io.neonops.controller.api.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.neonops.controller.api.TenantShardId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Answer of the re-attach upcall: every shard location the pageserver is to hold, with new generations. */
public record ReAttachResponse(List<Location> tenants) {

    /** The pageserver's location mode for one shard. */
    public enum Mode {
        @JsonProperty("AttachedSingle") ATTACHED_SINGLE,
        @JsonProperty("AttachedMulti") ATTACHED_MULTI,
        @JsonProperty("AttachedStale") ATTACHED_STALE,
        @JsonProperty("Secondary") SECONDARY,
        @JsonProperty("Detached") DETACHED
    }

    /**
     * @param gen        the generation of an attached location; absent for a secondary
     * @param stripeSize absent from releases before it was sent
     */
    public record Location(TenantShardId id, Optional<Long> gen, Mode mode, Optional<Integer> stripeSize) {

        public Location {
            Objects.requireNonNull(id, "id is missing");
            mode = Objects.requireNonNullElse(mode, Mode.ATTACHED_SINGLE);
        }
    }

    public ReAttachResponse {
        tenants = List.copyOf(Objects.requireNonNull(tenants, "tenants is missing"));
    }
}
