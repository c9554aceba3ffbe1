package io.neonops.controlplane.local;

import java.nio.file.Path;
import java.util.List;

import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.NodePort;

/**
 * A daemon as status and stop see it: a name, its pid file and, when a manifest tells them, its ports (empty
 * otherwise). Stopping needs nothing more, so it works from the pid files alone when the manifest is gone.
 */
record LocalDaemon(String name, Component component, Path pidFile, List<NodePort> ports) implements ComponentNamed {

    LocalDaemon {
        pidFile = pidFile.toAbsolutePath().normalize();
        ports = List.copyOf(ports);
    }
}
