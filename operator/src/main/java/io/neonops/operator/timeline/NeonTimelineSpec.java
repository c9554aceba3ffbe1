package io.neonops.operator.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.neonops.operator.cluster.DeletionPolicy;
import io.neonops.operator.tenant.NeonTenantSpec;

/**
 * The timeline as the user wrote it. What Neon fixes at creation (tenant, parent, branch point, Postgres major, the
 * id once given) the CRD refuses to change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.branchPoint) || has(self.parent)", message = "branchPoint needs parent",
        fieldPath = ".branchPoint")
@ValidationRule(value = "!has(self.parent) || !has(self.pgVersion)", message = "pgVersion is for root timelines only: a"
        + " branch has its parent's Postgres major", fieldPath = ".pgVersion")
@ValidationRule(value = "self.tenant == oldSelf.tenant", message = "tenant is immutable", fieldPath = ".tenant")
@ValidationRule(value = "!has(oldSelf.timelineId) || (has(self.timelineId) && self.timelineId == oldSelf.timelineId)",
        message = "timelineId is immutable once set: another id would be another timeline", fieldPath = ".timelineId")
@ValidationRule(value = "has(self.pgVersion) == has(oldSelf.pgVersion)"
        + " && (!has(self.pgVersion) || self.pgVersion == oldSelf.pgVersion)",
        message = "pgVersion is immutable: a timeline's data is in one Postgres major", fieldPath = ".pgVersion")
@ValidationRule(value = "has(self.parent) == has(oldSelf.parent) && (!has(self.parent) || self.parent == oldSelf.parent)",
        message = "parent is immutable", fieldPath = ".parent")
@ValidationRule(value = "has(self.branchPoint) == has(oldSelf.branchPoint) && (!has(self.branchPoint)"
        + " || ((has(self.branchPoint.lsn) ? self.branchPoint.lsn : '') == (has(oldSelf.branchPoint.lsn) ? oldSelf.branchPoint.lsn : '')"
        + " && (has(self.branchPoint.timestamp) ? self.branchPoint.timestamp : '')"
        + " == (has(oldSelf.branchPoint.timestamp) ? oldSelf.branchPoint.timestamp : '')))",
        message = "branchPoint is immutable", fieldPath = ".branchPoint")
public class NeonTimelineSpec {

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("The NeonTenant (same namespace) the timeline belongs to")
    private String tenant;

    @Pattern(NeonTenantSpec.ID_PATTERN)
    @JsonPropertyDescription("The timeline id (32 lower-case hex); set it to adopt an existing timeline. When absent the"
            + " operator derives it from the namespace and name (shown in status.timelineId)")
    private String timelineId;

    @Min(14)
    @Max(17)
    @JsonPropertyDescription("Postgres major of a root timeline; must be one the cluster serves; default the cluster's"
            + " postgres.defaultVersion")
    private Integer pgVersion;

    @Size(min = 1)
    @JsonPropertyDescription("The NeonTimeline (same tenant) this one branches from; absent: a new root timeline")
    private String parent;

    @JsonPropertyDescription("Where on the parent the branch starts; absent: at the parent's last record")
    private BranchPointSpec branchPoint;

    @JsonPropertyDescription("Retain (default) keeps the timeline in Neon when this resource is deleted; Delete deletes"
            + " it, never while it has child timelines")
    private DeletionPolicy deletionPolicy;

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getTimelineId() {
        return timelineId;
    }

    public void setTimelineId(String timelineId) {
        this.timelineId = timelineId;
    }

    public Integer getPgVersion() {
        return pgVersion;
    }

    public void setPgVersion(Integer pgVersion) {
        this.pgVersion = pgVersion;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public BranchPointSpec getBranchPoint() {
        return branchPoint;
    }

    public void setBranchPoint(BranchPointSpec branchPoint) {
        this.branchPoint = branchPoint;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
