package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** Nodes of one component: how many are wanted, Ready, and running the current spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemberCounts {
    private Integer desired;
    private Integer ready;
    private Integer updated;

    public MemberCounts() {
    }

    public MemberCounts(int desired, int ready, int updated) {
        this.desired = desired;
        this.ready = ready;
        this.updated = updated;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberCounts other && Objects.equals(desired, other.desired)
                && Objects.equals(ready, other.ready) && Objects.equals(updated, other.updated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(desired, ready, updated);
    }

    @Override
    public String toString() {
        return "{desired=" + desired + ", ready=" + ready + ", updated=" + updated + "}";
    }
}
