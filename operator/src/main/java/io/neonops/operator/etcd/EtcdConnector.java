package io.neonops.operator.etcd;

import io.neonops.controlplane.etcd.EtcdMembershipClient;
import io.neonops.operator.runtime.DaemonHttp;
import java.util.List;

/** Opens a membership client of a running etcd cluster; tests point it at a fake etcd gateway. */
@FunctionalInterface
public interface EtcdConnector {

    /** Over HTTP, to the members' client URLs, with the default timeout, through the process's one HTTP client. */
    EtcdConnector HTTP = urls -> new EtcdMembershipClient(urls, EtcdMembershipClient.DEFAULT_TIMEOUT, DaemonHttp.CLIENT);

    EtcdMembershipClient connect(List<String> clientUrls);
}
