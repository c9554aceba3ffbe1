package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The desired cluster as the user wrote it. Absent fields stay absent (no defaults here): defaults are applied
 * by the control plane's ClusterSpecParser when resources are built, so the operator never writes spec.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.etcd) || !has(self.storageBroker)",
        message = "choose exactly one broker: etcd (2022 releases) or storageBroker, not both",
        fieldPath = ".storageBroker")
@ValidationRule(value = "has(self.storageBroker) || !has(self.storageController)",
        message = "storageController needs storageBroker: the etcd broker's releases predate the storage controller",
        fieldPath = ".storageController")
@ValidationRule(value = "!has(self.storageBroker) || has(self.storageController)",
        message = "storageController is required with storageBroker: current pageservers do not start without it",
        fieldPath = ".storageController")
@ValidationRule(value = "!has(self.storageController) || !has(self.auth) || !has(self.auth.enabled)"
        + " || !self.auth.enabled || has(self.auth.storageControllerSecret)",
        message = "storageControllerSecret is required when auth is enabled with a storageController: without"
                + " --dev the storage controller does not start without its tokens",
        fieldPath = ".auth.storageControllerSecret")
@ValidationRule(value = "!has(self.storageBroker) || has(self.remoteStorage)",
        message = "remoteStorage is required with storageBroker: current pageservers do not start without it",
        fieldPath = ".remoteStorage")
@ValidationRule(value = "has(self.storageBroker) || !has(self.postgres) || !has(self.postgres.versions)"
        + " || self.postgres.versions.all(v, v <= 15)",
        message = "Postgres 16 and 17 need storageBroker: images with the etcd broker serve 14 and 15 only",
        fieldPath = ".postgres.versions")
public class NeonClusterSpec {
    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Neon image holding pageserver, safekeeper and pg_install/v14..v17")
    private String image;

    @JsonPropertyDescription("Pull policy of every container; default IfNotPresent")
    private ImagePullPolicy imagePullPolicy;

    private PostgresSpec postgres;
    @JsonPropertyDescription("The 2022 etcd broker (image tags before 2455, Postgres 14/15); the broker when"
            + " storageBroker is not set")
    private EtcdSpec etcd;

    @JsonPropertyDescription("The storage broker of every release since December 2022 (image tags from 2455)")
    private StorageBrokerSpec storageBroker;

    @JsonPropertyDescription("The storage controller; required with storageBroker")
    private StorageControllerSpec storageController;

    private PageserverSpec pageserver;
    private SafekeepersSpec safekeepers;
    private RemoteStorageSpec remoteStorage;
    private AuthSpec auth;

    @JsonPropertyDescription("Retain (default) keeps the volumes when the cluster is deleted; Delete removes them")
    private DeletionPolicy deletionPolicy;

    private UpgradeSpec upgrade;

    private MonitoringSpec monitoring;

    @JsonPropertyDescription("Ports for local mode only; the operator ignores them")
    private LocalSpec local;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public ImagePullPolicy getImagePullPolicy() {
        return imagePullPolicy;
    }

    public void setImagePullPolicy(ImagePullPolicy imagePullPolicy) {
        this.imagePullPolicy = imagePullPolicy;
    }

    public PostgresSpec getPostgres() {
        return postgres;
    }

    public void setPostgres(PostgresSpec postgres) {
        this.postgres = postgres;
    }

    public EtcdSpec getEtcd() {
        return etcd;
    }

    public void setEtcd(EtcdSpec etcd) {
        this.etcd = etcd;
    }

    public StorageBrokerSpec getStorageBroker() {
        return storageBroker;
    }

    public void setStorageBroker(StorageBrokerSpec storageBroker) {
        this.storageBroker = storageBroker;
    }

    public StorageControllerSpec getStorageController() {
        return storageController;
    }

    public void setStorageController(StorageControllerSpec storageController) {
        this.storageController = storageController;
    }

    public PageserverSpec getPageserver() {
        return pageserver;
    }

    public void setPageserver(PageserverSpec pageserver) {
        this.pageserver = pageserver;
    }

    public SafekeepersSpec getSafekeepers() {
        return safekeepers;
    }

    public void setSafekeepers(SafekeepersSpec safekeepers) {
        this.safekeepers = safekeepers;
    }

    public RemoteStorageSpec getRemoteStorage() {
        return remoteStorage;
    }

    public void setRemoteStorage(RemoteStorageSpec remoteStorage) {
        this.remoteStorage = remoteStorage;
    }

    public AuthSpec getAuth() {
        return auth;
    }

    public void setAuth(AuthSpec auth) {
        this.auth = auth;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public UpgradeSpec getUpgrade() {
        return upgrade;
    }

    public void setUpgrade(UpgradeSpec upgrade) {
        this.upgrade = upgrade;
    }

    public MonitoringSpec getMonitoring() {
        return monitoring;
    }

    public void setMonitoring(MonitoringSpec monitoring) {
        this.monitoring = monitoring;
    }

    public LocalSpec getLocal() {
        return local;
    }

    public void setLocal(LocalSpec local) {
        this.local = local;
    }
}
