package io.neonops.controlplane.component;

/** An HTTP GET that answers 2xx once the daemon is ready, on the named port. */
public record HttpProbe(String portName, String path) implements NodeProbe {

    public static final HttpProbe ETCD_HEALTH = new HttpProbe(NodePort.ETCD_CLIENT.name(), "/health");
    public static final HttpProbe PAGESERVER_STATUS = new HttpProbe(NodePort.PAGESERVER_HTTP.name(), "/v1/status");
    public static final HttpProbe SAFEKEEPER_STATUS = new HttpProbe(NodePort.SAFEKEEPER_HTTP.name(), "/v1/status");
    public static final HttpProbe STORAGE_BROKER_STATUS = new HttpProbe(NodePort.STORAGE_BROKER.name(), "/status");
    /** 200 only once startup reconciliation finished; {@code /status} answers earlier. */
    public static final HttpProbe STORAGE_CONTROLLER_READY = new HttpProbe(NodePort.STORAGE_CONTROLLER_HTTP.name(), "/ready");
}
