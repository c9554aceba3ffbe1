package io.neonops.controlplane.component;

import io.neonops.controlplane.process.PidFileMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What it takes to run one node of a cluster: the same value drives a Kubernetes pod and a local process.
 *
 * @param component   which daemon
 * @param index       0-based position among the component's nodes; the node id is {@code index + 1}
 * @param memberName  the node's name among its peers, {@code <cluster>-<component>-<index>} (also its pod name)
 * @param binary      executable, bare name or absolute path
 * @param args        arguments after the executable
 * @param configFiles files to place in the data directory before start, by file name
 * @param nodeFiles   which of {@code configFiles} are this node's own (its id, its addresses); the others are the
 *                    same on every node of the component
 * @param ports       the node's ports, by name
 * @param environment environment variables beyond what the daemon inherits, by name
 * @param readiness   the probe that says the node serves
 * @param dataDir     the node's data directory
 * @param pidFile     the pid file that tells whether the node runs
 * @param pidFileMode who claims the pid file
 */
public record ComponentSpec(
        Component component,
        int index,
        String memberName,
        String binary,
        List<String> args,
        Map<String, String> configFiles,
        Set<String> nodeFiles,
        List<NodePort> ports,
        Map<String, EnvValue> environment,
        NodeProbe readiness,
        Path dataDir,
        Path pidFile,
        PidFileMode pidFileMode) {

    public ComponentSpec {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(pidFile, "pidFile");
        Objects.requireNonNull(pidFileMode, "pidFileMode");
        args = List.copyOf(args);
        configFiles = Collections.unmodifiableMap(new TreeMap<>(configFiles));
        nodeFiles = Collections.unmodifiableSortedSet(new TreeSet<>(nodeFiles));
        if (!configFiles.keySet().containsAll(nodeFiles)) {
            throw new IllegalArgumentException("node files " + nodeFiles + " are not all among " + configFiles.keySet());
        }
        ports = List.copyOf(ports);
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        if (readiness instanceof HttpProbe http && ports.stream().noneMatch(p -> p.name().equals(http.portName()))) {
            throw new IllegalArgumentException("readiness port " + http.portName() + " is not one of " + ports);
        }
    }

    /** Node ids start at 1, as Neon's do. */
    public int nodeId() {
        return index + 1;
    }

    /** Executable and arguments, ready to exec. */
    public List<String> command() {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(binary);
        command.addAll(args);
        return List.copyOf(command);
    }

    public NodePort port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(component.id() + " has no port " + name));
    }

    /** The readiness URL of this node at {@code host}, for the nodes probed over HTTP. */
    public String readinessUrl(String host) {
        if (!(readiness instanceof HttpProbe http)) {
            throw new IllegalStateException(memberName + " is not probed over HTTP but with " + readiness);
        }
        return "http://" + host + ":" + port(http.portName()).port() + http.path();
    }
}
