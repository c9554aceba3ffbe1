package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * Nodes of one component: how many are wanted, Ready, and running the current spec; for the safekeepers of a cluster
 * with a storage controller also how many it knows as registered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberCounts {
    private Integer desired;
    private Integer ready;
    private Integer updated;
    @JsonPropertyDescription("Safekeepers the storage controller knows as the operator registered them, and Active; "
            + "absent without a storage controller, or while it cannot be asked")
    private Integer registered;

    public MemberCounts() {
    }

    public MemberCounts(int desired, int ready, int updated) {
        this.desired = desired;
        this.ready = ready;
        this.updated = updated;
    }

    /** These counts with {@code registered} set. */
    public MemberCounts withRegistered(Integer count) {
        MemberCounts counts = new MemberCounts(desired, ready, updated);
        counts.registered = count;
        return counts;
    }

    public Integer getDesired() {
        return desired;
    }

    public void setDesired(Integer desired) {
        this.desired = desired;
    }

    public Integer getReady() {
        return ready;
    }

    public void setReady(Integer ready) {
        this.ready = ready;
    }

    public Integer getUpdated() {
        return updated;
    }

    public void setUpdated(Integer updated) {
        this.updated = updated;
    }

    public Integer getRegistered() {
        return registered;
    }

    public void setRegistered(Integer registered) {
        this.registered = registered;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberCounts other && Objects.equals(desired, other.desired)
                && Objects.equals(ready, other.ready) && Objects.equals(updated, other.updated)
                && Objects.equals(registered, other.registered);
    }

    @Override
    public int hashCode() {
        return Objects.hash(desired, ready, updated, registered);
    }

    @Override
    public String toString() {
        return "{desired=" + desired + ", ready=" + ready + ", updated=" + updated
                + (registered == null ? "" : ", registered=" + registered) + "}";
    }
}
