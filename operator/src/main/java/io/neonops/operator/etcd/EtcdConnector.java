package io.neonops.operator.etcd;

import io.neonops.controlplane.etcd.EtcdMembershipClient;
import java.util.List;

/** Opens a membership client of a running etcd cluster; tests point it at a fake etcd gateway. */
@FunctionalInterface
public interface EtcdConnector {

    /** Over HTTP, to the members' client URLs, with the default timeout. */
    EtcdConnector HTTP = EtcdMembershipClient::of;

    EtcdMembershipClient connect(List<String> clientUrls);
}
