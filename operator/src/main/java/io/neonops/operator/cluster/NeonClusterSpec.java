package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * The desired cluster as the user wrote it. Absent fields stay absent (no defaults here): defaults are applied
 * by the control plane's ClusterSpecParser when resources are built, so the operator never writes spec.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NeonClusterSpec {
    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Neon image holding pageserver, safekeeper and pg_install/v14..v17")
    private String image;

    @JsonPropertyDescription("Pull policy of every container; default IfNotPresent")
    private ImagePullPolicy imagePullPolicy;

    private PostgresSpec postgres;
    private EtcdSpec etcd;
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
