package io.neonops.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.neonops.operator.cluster.DeletionPolicy;

/**
 * The tenant as the user wrote it; absent fields stay absent (defaults show in status, never in spec).
 * The rules that compare with the stored object ({@code oldSelf}) make the CRD refuse what cannot change
 * in Neon: which cluster holds the tenant, its id once given, and its shard count.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.cluster == oldSelf.cluster", message = "cluster is immutable: a tenant cannot move"
        + " to another NeonCluster", fieldPath = ".cluster")
@ValidationRule(value = "!has(oldSelf.tenantId) || (has(self.tenantId) && self.tenantId == oldSelf.tenantId)",
        message = "tenantId is immutable once set: another id would be another tenant", fieldPath = ".tenantId")
@ValidationRule(value = "has(self.shardCount) == has(oldSelf.shardCount)"
        + " && (!has(self.shardCount) || self.shardCount == oldSelf.shardCount)",
        message = "shardCount is immutable: the operator does not split tenants", fieldPath = ".shardCount")
public class NeonTenantSpec {
    /** What Neon's tenant and timeline ids look like: 16 bytes as lower-case hex. */
    public static final String ID_PATTERN = "^[0-9a-f]{32}$";

    @Required
    @Size(min = 1)
    @JsonPropertyDescription("The NeonCluster (same namespace) whose storage holds the tenant")
    private String cluster;

    @Pattern(ID_PATTERN)
    @JsonPropertyDescription("The tenant id (32 lower-case hex); set it to adopt an existing tenant. When absent the"
            + " operator derives it from the namespace and name (shown in status.tenantId), so that a re-sync, a"
            + " restart or a restore of this resource names the same tenant")
    private String tenantId;

    private TenantConfigSpec config;

    @Min(0)
    @Max(255)
    @JsonPropertyDescription("Shards when created (0 or absent: one unsharded shard); modern clusters only")
    private Integer shardCount;

    @Min(0)
    @Max(8)
    @JsonPropertyDescription("Warm secondary locations per shard, so that a pageserver restart moves the tenant instead"
            + " of taking it offline; default 1 when the cluster has two or more pageservers, else 0")
    private Integer secondaries;

    @JsonPropertyDescription("Retain (default) keeps the tenant in Neon when this resource is deleted; Delete deletes"
            + " it, its timelines first")
    private DeletionPolicy deletionPolicy;

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public TenantConfigSpec getConfig() {
        return config;
    }

    public void setConfig(TenantConfigSpec config) {
        this.config = config;
    }

    public Integer getShardCount() {
        return shardCount;
    }

    public void setShardCount(Integer shardCount) {
        this.shardCount = shardCount;
    }

    public Integer getSecondaries() {
        return secondaries;
    }

    public void setSecondaries(Integer secondaries) {
        this.secondaries = secondaries;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
