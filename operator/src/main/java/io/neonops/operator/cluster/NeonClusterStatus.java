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

    @JsonPropertyDescription("How many etcd members the cluster was created with; members added later joined the running etcd cluster")
    private Integer etcdBootstrapMembers;

    @JsonPropertyDescription("Pageservers; in a cluster with a storage controller one is Ready only when its pod is Ready "
            + "and the storage controller lists it Active")
    private MemberCounts pageserver;
    private MemberCounts safekeepers;
    private MemberCounts storageBroker;
    private MemberCounts storageController;
    private MemberCounts storageControllerDatabase;

    @JsonPropertyDescription("The Neon image every node runs")
    private String image;

    @JsonPropertyDescription("The Postgres majors every node serves")
    private PostgresStatus postgres;

    @JsonPropertyDescription("The rolling upgrade under way; absent when every pod runs the current spec")
    private RollingUpgradeStatus upgrade;

    @JsonPropertyDescription("The data volumes (PVC names) the operator has seen exist: a volume listed here that is gone is "
            + "lost, and is not created again empty unless the neonops.io/accept-empty-volume annotation names it")
    private List<String> volumes;

    @JsonPropertyDescription("Volumes that neonops.io/accept-empty-volume names and that exist (created again empty, or "
            + "named while they existed): the annotation accepts no further loss of them until they leave it")
    private List<String> emptyVolumesAccepted;

    @JsonPropertyDescription("The PodMonitor scraping the cluster's daemons, when spec.monitoring.podMonitor (or the "
            + "operator's default) asks for one: its name and what it scrapes, or why none was created")
    private String podMonitor;

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

    public Integer getEtcdBootstrapMembers() {
        return etcdBootstrapMembers;
    }

    public void setEtcdBootstrapMembers(Integer etcdBootstrapMembers) {
        this.etcdBootstrapMembers = etcdBootstrapMembers;
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

    public MemberCounts getStorageBroker() {
        return storageBroker;
    }

    public void setStorageBroker(MemberCounts storageBroker) {
        this.storageBroker = storageBroker;
    }

    public MemberCounts getStorageController() {
        return storageController;
    }

    public void setStorageController(MemberCounts storageController) {
        this.storageController = storageController;
    }

    public MemberCounts getStorageControllerDatabase() {
        return storageControllerDatabase;
    }

    public void setStorageControllerDatabase(MemberCounts storageControllerDatabase) {
        this.storageControllerDatabase = storageControllerDatabase;
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

    public List<String> getVolumes() {
        return volumes;
    }

    public void setVolumes(List<String> volumes) {
        this.volumes = volumes;
    }

    public List<String> getEmptyVolumesAccepted() {
        return emptyVolumesAccepted;
    }

    public void setEmptyVolumesAccepted(List<String> emptyVolumesAccepted) {
        this.emptyVolumesAccepted = emptyVolumesAccepted;
    }

    public String getPodMonitor() {
        return podMonitor;
    }

    public void setPodMonitor(String podMonitor) {
        this.podMonitor = podMonitor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeonClusterStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && phase == other.phase
                && Objects.equals(conditions, other.conditions)
                && Objects.equals(etcd, other.etcd)
                && Objects.equals(etcdBootstrapMembers, other.etcdBootstrapMembers)
                && Objects.equals(pageserver, other.pageserver)
                && Objects.equals(safekeepers, other.safekeepers)
                && Objects.equals(storageBroker, other.storageBroker)
                && Objects.equals(storageController, other.storageController)
                && Objects.equals(storageControllerDatabase, other.storageControllerDatabase)
                && Objects.equals(image, other.image)
                && Objects.equals(postgres, other.postgres)
                && Objects.equals(upgrade, other.upgrade)
                && Objects.equals(volumes, other.volumes)
                && Objects.equals(emptyVolumesAccepted, other.emptyVolumesAccepted)
                && Objects.equals(podMonitor, other.podMonitor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, phase, conditions, etcd, etcdBootstrapMembers, pageserver, safekeepers,
                storageBroker, storageController, storageControllerDatabase, image, postgres, upgrade,
                volumes, emptyVolumesAccepted, podMonitor);
    }
}
