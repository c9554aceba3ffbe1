package io.neonops.operator.runtime;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where the health and metrics endpoints listen.
 *
 * @param bindAddress the address of both servers: every interface in a pod, the loopback in tests
 * @param healthPort  /healthz and /readyz; 0 picks a free port
 * @param metricsPort /metrics; 0 picks a free port
 */
public record EndpointSettings(InetAddress bindAddress, int healthPort, int metricsPort) {

    public static final int DEFAULT_HEALTH_PORT = 8081;
    public static final int DEFAULT_METRICS_PORT = 8080;
    private static final int MAX_PORT = 65_535;

    public EndpointSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        checkPort("--health-port", healthPort);
        checkPort("--metrics-port", metricsPort);
        if (healthPort != 0 && healthPort == metricsPort) {
            throw new IllegalArgumentException("--health-port and --metrics-port must differ, both are " + healthPort);
        }
    }

    private static void checkPort(String option, int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(option + ": must be between 0 and " + MAX_PORT + ", got " + port);
        }
    }
}
