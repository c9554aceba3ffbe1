package io.neonops.controlplane.local;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.process.DaemonLaunch;

/**
 * One daemon of a local cluster under the name the local commands use: {@code etcd}, {@code pageserver},
 * {@code safekeeper-<id>} (and {@code etcd-<id>}, {@code pageserver-<id>} when there are several).
 */
public record LocalNode(String name, ComponentSpec spec) implements ComponentNamed {

    @Override
    public Component component() {
        return spec.component();
    }

    LocalDaemon daemon() {
        return new LocalDaemon(name, spec.component(), spec.pidFile(), spec.ports());
    }

    /** Logs go next to the pid file, as {@code <name>.log}, as neon_local keeps them. */
    public DaemonLaunch launch(Duration readyTimeout) {
        return new DaemonLaunch(name, spec.command(), Map.of(), spec.dataDir(), spec.pidFile().getParent(), spec.pidFile(), spec.pidFileMode(),
                URI.create(spec.readinessUrl(LocalEnvironment.LOCALHOST)),
                spec.ports().stream().map(port -> new InetSocketAddress(LocalEnvironment.LOCALHOST, port.port())).toList(),
                readyTimeout);
    }
}
