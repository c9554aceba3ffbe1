package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Ports of local mode, kept in the schema so one file serves both modes; the operator ignores them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalSpec {
    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("etcd client port of member 0 (member i uses +2i); default 2379")
    private Integer etcdClientPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("etcd peer port of member 0 (member i uses +2i); default 2380")
    private Integer etcdPeerPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("pageserver libpq port of node 0 (node i uses +i); default 64000")
    private Integer pageserverPgPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("pageserver HTTP port of node 0 (node i uses +i); default 9898")
    private Integer pageserverHttpPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("safekeeper libpq port of node 0 (node i uses +i); default 5454")
    private Integer safekeeperPgPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("safekeeper HTTP port of node 0 (node i uses +i); default 7676")
    private Integer safekeeperHttpPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("storage broker port; default 50051")
    private Integer storageBrokerPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("storage controller HTTP port; default 1234")
    private Integer storageControllerPort;

    @Min(1)
    @Max(65535)
    @JsonPropertyDescription("storage controller DB port; default 1235")
    private Integer storageControllerDbPort;

    public Integer getEtcdClientPort() {
        return etcdClientPort;
    }

    public void setEtcdClientPort(Integer etcdClientPort) {
        this.etcdClientPort = etcdClientPort;
    }

    public Integer getEtcdPeerPort() {
        return etcdPeerPort;
    }

    public void setEtcdPeerPort(Integer etcdPeerPort) {
        this.etcdPeerPort = etcdPeerPort;
    }

    public Integer getPageserverPgPort() {
        return pageserverPgPort;
    }

    public void setPageserverPgPort(Integer pageserverPgPort) {
        this.pageserverPgPort = pageserverPgPort;
    }

    public Integer getPageserverHttpPort() {
        return pageserverHttpPort;
    }

    public void setPageserverHttpPort(Integer pageserverHttpPort) {
        this.pageserverHttpPort = pageserverHttpPort;
    }

    public Integer getSafekeeperPgPort() {
        return safekeeperPgPort;
    }

    public void setSafekeeperPgPort(Integer safekeeperPgPort) {
        this.safekeeperPgPort = safekeeperPgPort;
    }

    public Integer getSafekeeperHttpPort() {
        return safekeeperHttpPort;
    }

    public void setSafekeeperHttpPort(Integer safekeeperHttpPort) {
        this.safekeeperHttpPort = safekeeperHttpPort;
    }

    public Integer getStorageBrokerPort() {
        return storageBrokerPort;
    }

    public void setStorageBrokerPort(Integer storageBrokerPort) {
        this.storageBrokerPort = storageBrokerPort;
    }

    public Integer getStorageControllerPort() {
        return storageControllerPort;
    }

    public void setStorageControllerPort(Integer storageControllerPort) {
        this.storageControllerPort = storageControllerPort;
    }

    public Integer getStorageControllerDbPort() {
        return storageControllerDbPort;
    }

    public void setStorageControllerDbPort(Integer storageControllerDbPort) {
        this.storageControllerDbPort = storageControllerDbPort;
    }
}
