package io.neonops.operator.runtime;

import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.NeonApiTransport;
import java.net.http.HttpClient;

/**
 * The one HTTP client the operator process calls the daemons' APIs with (pageservers, etcd members): each
 * {@link HttpClient} holds a selector thread and a connection pool, which a client per reconcile would start
 * again and again and leave to the garbage collector.
 */
public final class DaemonHttp {

    public static final HttpClient CLIENT = NeonApiTransport.newHttpClient(ApiClientSettings.DEFAULT_CONNECT_TIMEOUT);

    private DaemonHttp() {
    }
}
