package io.neonops.operator.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed of the timeline, written only through the status subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NeonTimelineStatus {
    @JsonPropertyDescription("The metadata.generation this status describes")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, with a reason naming what failed when it is False")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The tenant's id in Neon")
    private String tenantId;

    @JsonPropertyDescription("The timeline's id in Neon: spec.timelineId, or the one derived from the namespace and name")
    private String timelineId;

    @JsonPropertyDescription("The parent timeline's id, for a branch")
    private String ancestorTimelineId;

    @JsonPropertyDescription("The LSN on the parent where the branch starts")
    private String ancestorLsn;

    @JsonPropertyDescription("The Postgres major of the timeline's data")
    private Integer pgVersion;

    @JsonPropertyDescription("The timeline's state on its pageserver: Active, Loading, Stopping, Broken")
    private String state;

    private String lastRecordLsn;
    private String diskConsistentLsn;
    private String remoteConsistentLsn;

    @JsonPropertyDescription("Logical size in bytes, once the pageserver has computed it")
    private Long logicalSize;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getTimelineId() {
        return timelineId;
    }

    public void setTimelineId(String timelineId) {
        this.timelineId = timelineId;
    }

    public String getAncestorTimelineId() {
        return ancestorTimelineId;
    }

    public void setAncestorTimelineId(String ancestorTimelineId) {
        this.ancestorTimelineId = ancestorTimelineId;
    }

    public String getAncestorLsn() {
        return ancestorLsn;
    }

    public void setAncestorLsn(String ancestorLsn) {
        this.ancestorLsn = ancestorLsn;
    }

    public Integer getPgVersion() {
        return pgVersion;
    }

    public void setPgVersion(Integer pgVersion) {
        this.pgVersion = pgVersion;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getLastRecordLsn() {
        return lastRecordLsn;
    }

    public void setLastRecordLsn(String lastRecordLsn) {
        this.lastRecordLsn = lastRecordLsn;
    }

    public String getDiskConsistentLsn() {
        return diskConsistentLsn;
    }

    public void setDiskConsistentLsn(String diskConsistentLsn) {
        this.diskConsistentLsn = diskConsistentLsn;
    }

    public String getRemoteConsistentLsn() {
        return remoteConsistentLsn;
    }

    public void setRemoteConsistentLsn(String remoteConsistentLsn) {
        this.remoteConsistentLsn = remoteConsistentLsn;
    }

    public Long getLogicalSize() {
        return logicalSize;
    }

    public void setLogicalSize(Long logicalSize) {
        this.logicalSize = logicalSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeonTimelineStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(conditions, other.conditions)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(timelineId, other.timelineId)
                && Objects.equals(ancestorTimelineId, other.ancestorTimelineId)
                && Objects.equals(ancestorLsn, other.ancestorLsn)
                && Objects.equals(pgVersion, other.pgVersion)
                && Objects.equals(state, other.state)
                && Objects.equals(lastRecordLsn, other.lastRecordLsn)
                && Objects.equals(diskConsistentLsn, other.diskConsistentLsn)
                && Objects.equals(remoteConsistentLsn, other.remoteConsistentLsn)
                && Objects.equals(logicalSize, other.logicalSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, conditions, tenantId, timelineId, ancestorTimelineId, ancestorLsn,
                pgVersion, state, lastRecordLsn, diskConsistentLsn, remoteConsistentLsn, logicalSize);
    }
}
