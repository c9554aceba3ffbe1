package io.neonops.operator.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed of the tenant, written only through the status subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NeonTenantStatus {
    @JsonPropertyDescription("The metadata.generation this status describes")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, with a reason naming what failed when it is False")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The tenant's id in Neon: spec.tenantId, or the one derived from the namespace and name")
    private String tenantId;

    @JsonPropertyDescription("Attached when every shard is attached to a pageserver; else what the storage controller"
            + " reports")
    private String state;

    @JsonPropertyDescription("How many shards the tenant has (1 when unsharded)")
    private Integer shards;

    @JsonPropertyDescription("The storage controller's placement policy: Attached(N) with N secondaries, Secondary or Detached")
    private String placement;

    @JsonPropertyDescription("The configuration the operator set in Neon or found in effect there (absent: Neon's"
            + " defaults); 2022 pageservers cannot report a tenant's configuration, so it is set again when the spec's"
            + " differs from this")
    private TenantConfigSpec config;

    public TenantConfigSpec getConfig() {
        return config;
    }

    public void setConfig(TenantConfigSpec config) {
        this.config = config;
    }

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

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public Integer getShards() {
        return shards;
    }

    public void setShards(Integer shards) {
        this.shards = shards;
    }

    public String getPlacement() {
        return placement;
    }

    public void setPlacement(String placement) {
        this.placement = placement;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeonTenantStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(conditions, other.conditions)
                && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(state, other.state)
                && Objects.equals(shards, other.shards)
                && Objects.equals(placement, other.placement)
                && Objects.equals(config, other.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, conditions, tenantId, state, shards, placement, config);
    }
}
