package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed and decided, written only through the status subresource. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NeonClusterStatus {
    @JsonPropertyDescription("The metadata.generation this status describes")
    private Long observedGeneration;

    private ClusterPhase phase;

    @JsonPropertyDescription("Ready, Progressing and Degraded")
    private List<Condition> conditions = new ArrayList<>();

    private MemberCounts etcd;
    private MemberCounts pageserver;
    private MemberCounts safekeepers;

    @JsonPropertyDescription("The Neon image every node runs")
    private String image;

    @JsonPropertyDescription("The Postgres majors every node serves")
    private PostgresStatus postgres;

    @JsonPropertyDescription("The rolling upgrade under way; absent when every pod runs the current spec")
    private RollingUpgradeStatus upgrade;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public ClusterPhase getPhase() {
        return phase;
    }

    public void setPhase(ClusterPhase phase) {
        this.phase = phase;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public MemberCounts getEtcd() {
        return etcd;
    }

    public void setEtcd(MemberCounts etcd) {
        this.etcd = etcd;
    }

    public MemberCounts getPageserver() {
        return pageserver;
    }

    public void setPageserver(MemberCounts pageserver) {
        this.pageserver = pageserver;
    }

    public MemberCounts getSafekeepers() {
        return safekeepers;
    }

    public void setSafekeepers(MemberCounts safekeepers) {
        this.safekeepers = safekeepers;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public PostgresStatus getPostgres() {
        return postgres;
    }

    public void setPostgres(PostgresStatus postgres) {
        this.postgres = postgres;
    }

    public RollingUpgradeStatus getUpgrade() {
        return upgrade;
    }

    public void setUpgrade(RollingUpgradeStatus upgrade) {
        this.upgrade = upgrade;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeonClusterStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && phase == other.phase
                && Objects.equals(conditions, other.conditions)
                && Objects.equals(etcd, other.etcd)
                && Objects.equals(pageserver, other.pageserver)
                && Objects.equals(safekeepers, other.safekeepers)
                && Objects.equals(image, other.image)
                && Objects.equals(postgres, other.postgres)
                && Objects.equals(upgrade, other.upgrade);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, phase, conditions, etcd, pageserver, safekeepers, image, postgres, upgrade);
    }
}
