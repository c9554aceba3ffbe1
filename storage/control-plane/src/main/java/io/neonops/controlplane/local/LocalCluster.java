package io.neonops.controlplane.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.controlplane.process.DaemonLauncher;
import io.neonops.controlplane.process.DaemonStartException;
import io.neonops.controlplane.process.StartResult;
import io.neonops.controlplane.process.StopMode;

/** Starts, stops and inspects the nodes of one cluster as local processes. */
final class LocalCluster {
    private final ClusterSpec cluster;
    private final LocalEnvironment environment;
    private final List<LocalNode> nodes;
    private static final Duration ROLLBACK_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DaemonLauncher launcher = new DaemonLauncher();
    private final LocalDaemons daemons = new LocalDaemons();

    LocalCluster(ClusterSpec cluster, LocalEnvironment environment) {
        this.cluster = cluster;
        this.environment = environment;
        this.nodes = LocalNodes.of(cluster, environment);
    }

    /** The named nodes (all when none is named), in start order. */
    List<LocalNode> select(List<String> names) {
        return LocalNodes.select(nodes, names);
    }

    /**
     * Starts the nodes in order, each once the previous one is ready. What is missing (a binary, the auth key) is
     * reported before anything starts; when a node fails, or a SIGINT or SIGTERM arrives, the nodes this call
     * started are stopped again (and a node not yet ready is killed).
     */
    void start(List<LocalNode> selected, Duration readyTimeout, PrintWriter out, PrintWriter err) throws IOException {
        checkPrerequisites(selected, readyTimeout);
        List<LocalNode> started = new ArrayList<>();
        try (StartSignals signals = StartSignals.interruptCurrentThread()) {
            for (LocalNode node : selected) {
                try {
                    startNode(node, readyTimeout, started, out);
                } catch (IOException e) {
                    Optional<String> signal = signals.takeReceived();
                    if (signal.isPresent()) {
                        throw interrupted(signal.get(), e.getMessage(), started, out, err);
                    }
                    if (e instanceof DaemonStartException failure) {
                        printLogTail(failure, err);
                    }
                    throw new IOException(e.getMessage() + rollBack(started, out, err), e);
                }
            }
            Optional<String> lateSignal = signals.takeReceived();
            if (lateSignal.isPresent()) {
                throw interrupted(lateSignal.get(), "every node was ready", started, out, err);
            }
        }
    }

    private void startNode(LocalNode node, Duration readyTimeout, List<LocalNode> started, PrintWriter out) throws IOException {
        writeConfigFiles(node);
        StartResult result = launcher.start(node.launch(readyTimeout));
        if (result instanceof StartResult.Started) {
            started.add(node);
            out.println(node.name() + " started (pid " + result.pid() + ")");
        } else {
            out.println(node.name() + " is already running (pid " + result.pid() + ")");
        }
        out.flush();
    }

    private IOException interrupted(String signal, String when, List<LocalNode> started, PrintWriter out, PrintWriter err) {
        String rolledBack = rollBack(started, out, err);
        return new IOException("start interrupted by " + signal + " (" + when + ")"
                + (rolledBack.isEmpty() ? "; nothing this start started is left running" : rolledBack));
    }

    /** The nodes as status and stop see them. */
    List<LocalDaemon> daemons() {
        return nodes.stream().map(LocalNode::daemon).toList();
    }

    /** The management URL of the first pageserver, e.g. {@code http://127.0.0.1:9898}. */
    String pageserverUrl() {
        ComponentSpec pageserver = nodes.stream().map(LocalNode::spec)
                .filter(spec -> spec.component() == Component.PAGESERVER)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a cluster has at least one pageserver"));
        return "http://" + LocalEnvironment.LOCALHOST + ":" + pageserver.port(NodePort.PAGESERVER_HTTP.name()).port();
    }

    private void checkPrerequisites(List<LocalNode> selected, Duration readyTimeout) throws IOException {
        for (LocalNode node : selected) {
            try {
                DaemonLauncher.resolveBinary(node.launch(readyTimeout));
            } catch (IOException e) {
                boolean neonBinary = node.spec().component() != Component.ETCD;
                throw new IOException(e.getMessage() + (neonBinary && environment.neonBinDir().isEmpty()
                        ? "; give --neon-bin-dir or set NEON_BIN_DIR" : ""), e);
            }
        }
        Path authKey = environment.authPublicKeyPath();
        if (cluster.auth().enabled() && !Files.isRegularFile(authKey)) {
            throw new IOException("spec.auth.enabled is true: local mode reads the JWT public key from " + authKey
                    + ", which does not exist");
        }
    }

    private static void writeConfigFiles(LocalNode node) throws IOException {
        Path dataDir = node.spec().dataDir();
        LocalWorkDir.createPrivateDirectory(dataDir);
        for (Map.Entry<String, String> file : node.spec().configFiles().entrySet()) {
            LocalWorkDir.writeAtomically(dataDir, file.getKey(), file.getValue());
        }
    }

    private String rollBack(List<LocalNode> started, PrintWriter out, PrintWriter err) {
        if (started.isEmpty()) {
            return "";
        }
        String names = LocalDaemons.reversed(started).stream().map(LocalNode::name).collect(Collectors.joining(", "));
        out.println("stopping what this start started: " + names);
        try {
            daemons.stop(started.stream().map(LocalNode::daemon).toList(), StopMode.FAST, ROLLBACK_STOP_TIMEOUT, out);
            return "; stopped " + names + " again";
        } catch (IOException e) {
            err.println(e.getMessage());
            return "; " + e.getMessage();
        }
    }

    private static void printLogTail(DaemonStartException failure, PrintWriter err) {
        err.println("--- last lines of " + failure.logFile() + " ---");
        failure.logTail().forEach(err::println);
        err.println("---");
        err.flush();
    }
}
