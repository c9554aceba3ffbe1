package io.neonops.controlplane.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.neonops.controller.api.StorageControllerClient;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.StorageControllerDatabase;
import io.neonops.controlplane.cluster.StorageControllerSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.EnvValue;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.controlplane.component.SecretConfigKeys;
import io.neonops.controlplane.component.SafekeeperNodeSpec;
import io.neonops.controlplane.component.StorageControllerNodeSpec;
import io.neonops.controlplane.process.DaemonStartException;
import io.neonops.controlplane.process.StartResult;
import io.neonops.controlplane.process.StopMode;
import io.neonops.controlplane.registration.SafekeeperEndpoint;
import io.neonops.controlplane.registration.SafekeeperRegistrar;
import io.neonops.controlplane.registration.SafekeeperRegistrationReport;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.auth.JwtScope;

/** Starts, stops and inspects the nodes of one cluster as local processes. */
final class LocalCluster {
    private final ClusterSpec cluster;
    private final LocalEnvironment environment;
    private final List<LocalNode> nodes;
    private static final Duration ROLLBACK_STOP_TIMEOUT = Duration.ofSeconds(30);

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
     * Starts the nodes in order, each once the previous one is ready, and registers the safekeepers with the storage
     * controller once they all run. What is missing (a binary, the auth key, the database URL) is reported before
     * anything starts; when a node or the registration fails, or a SIGINT or SIGTERM arrives, the nodes this call
     * started are stopped again (and a node not yet ready is killed).
     */
    void start(List<LocalNode> selected, Duration readyTimeout, PrintWriter out, PrintWriter err) throws IOException {
        checkBinaries(selected, readyTimeout);
        LocalSecrets secrets = cluster.auth().enabled()
                ? new LocalSecrets(Optional.of(LocalAuthKeys.loadOrGenerate(environment, cluster.storageController().isPresent())))
                : LocalSecrets.NONE;
        Map<LocalNode, Map<String, String>> environments = new HashMap<>();
        for (LocalNode node : selected) {
            environments.put(node, environmentOf(node, secrets));
        }
        List<LocalNode> started = new ArrayList<>();
        try (StartSignals signals = StartSignals.interruptCurrentThread()) {
            for (int i = 0; i < selected.size(); i++) {
                LocalNode node = selected.get(i);
                try {
                    startNode(node, environments.get(node), secrets, readyTimeout, started, out);
                    if (lastToRegister(selected, i)) {
                        register(selected.stream().filter(other -> other.component() == node.component())
                                .flatMap(other -> other instanceof LocalNode.FromSpec fromSpec
                                        ? Stream.of(fromSpec.spec()) : Stream.empty())
                                .toList(), secrets, out);
                    }
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

    private void startNode(LocalNode node, Map<String, String> environment, LocalSecrets secrets, Duration readyTimeout,
                           List<LocalNode> started, PrintWriter out) throws IOException {
        if (node instanceof LocalNode.FromSpec fromSpec) {
            writeConfigFiles(fromSpec, secrets);
        }
        StartResult result = node.start(readyTimeout, environment);
        if (result instanceof StartResult.Started) {
            started.add(node);
            out.println(node.name() + " started (pid " + result.pid() + ")");
        } else {
            out.println(node.name() + " is already running (pid " + result.pid() + ")");
        }
        out.flush();
    }

    /** Whether node {@code i} is the last of its component's selected nodes that the storage controller must be told of. */
    private boolean lastToRegister(List<LocalNode> selected, int i) {
        Component component = selected.get(i).component();
        return cluster.storageController().isPresent() && component.descriptor().registeredWithStorageController()
                && (i + 1 == selected.size() || selected.get(i + 1).component() != component);
    }

    /** Registers the safekeepers, each in the zone of its own its command line names; a safekeeper not taken fails the start. */
    private void register(List<ComponentSpec> safekeepers, LocalSecrets secrets, PrintWriter out) throws IOException {
        List<SafekeeperEndpoint> endpoints = new ArrayList<>();
        for (ComponentSpec spec : safekeepers) {
            endpoints.add(SafekeeperEndpoint.local(NodeId.of(spec.nodeId()), spec.port(NodePort.SAFEKEEPER_PG.name()).port(),
                    spec.port(NodePort.SAFEKEEPER_HTTP.name()).port(), SafekeeperNodeSpec.availabilityZone(cluster, spec.index())));
        }
        ApiClientSettings settings = ApiClientSettings.of(storageControllerUrl());
        Optional<String> adminToken = secrets.token(JwtScope.ADMIN);
        SafekeeperRegistrationReport report = new SafekeeperRegistrar(new StorageControllerClient(
                adminToken.map(settings::withBearerToken).orElse(settings))).register(endpoints);
        if (!report.complete()) {
            throw new IOException("registering the safekeepers with the storage controller at " + storageControllerUrl()
                    + " failed: " + report.summary());
        }
        out.println(report.summary() + " with the storage controller");
        out.flush();
    }

    /** The storage controller's API, e.g. {@code http://127.0.0.1:1234}. */
    private String storageControllerUrl() {
        return "http://" + LocalEnvironment.LOCALHOST + ":"
                + environment.port(Component.STORAGE_CONTROLLER, 0, NodePort.STORAGE_CONTROLLER_HTTP);
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
        return "http://" + LocalEnvironment.LOCALHOST + ":" + environment.port(Component.PAGESERVER, 0, NodePort.PAGESERVER_HTTP);
    }

    /** Checks every selected node's binaries. */
    private void checkBinaries(List<LocalNode> selected, Duration readyTimeout) throws IOException {
        for (LocalNode node : selected) {
            try {
                node.checkBinaries(readyTimeout);
            } catch (IOException e) {
                boolean neonBinary = node.component().descriptor().neonBinary();
                throw new IOException(e.getMessage() + (neonBinary && environment.neonBinDir().isEmpty()
                        ? "; give --neon-bin-dir or set NEON_BIN_DIR" : ""), e);
            }
        }
    }

    /**
     * The node's environment variables, where local mode has them: written out ones as they are; the storage
     * controller's {@code DATABASE_URL}, which a pod reads from a Secret, from the local Postgres (managed database)
     * or from this process's own {@code DATABASE_URL} (external: local mode reads no Secrets); the public key and
     * tokens of {@code spec.auth} from {@code secrets}.
     */
    private Map<String, String> environmentOf(LocalNode node, LocalSecrets secrets) throws IOException {
        if (!(node instanceof LocalNode.FromSpec fromSpec)) {
            return Map.of();
        }
        Map<String, String> variables = new TreeMap<>();
        for (Map.Entry<String, EnvValue> variable : fromSpec.spec().environment().entrySet()) {
            if (variable.getValue() instanceof EnvValue.Literal literal) {
                variables.put(variable.getKey(), literal.value());
            } else if (variable.getKey().equals(StorageControllerNodeSpec.DATABASE_URL)) {
                variables.put(variable.getKey(), databaseUrl());
            } else if (variable.getValue() instanceof EnvValue.FromSecret secret) {
                variables.put(variable.getKey(), secrets.value(node.name(), secret));
            }
        }
        return variables;
    }

    private String databaseUrl() throws IOException {
        StorageControllerDatabase database = cluster.storageController().orElseThrow().database();
        if (database instanceof StorageControllerDatabase.External) {
            return Optional.ofNullable(System.getenv(StorageControllerNodeSpec.DATABASE_URL)).filter(url -> !url.isBlank())
                    .orElseThrow(() -> new IOException(StorageControllerSpec.SPEC_PATH + ".database.external: local mode reads"
                            + " no Secrets; set " + StorageControllerNodeSpec.DATABASE_URL + " to the database's URL"));
        }
        LocalNode.Postgres postgres = nodes.stream().filter(LocalNode.Postgres.class::isInstance).map(LocalNode.Postgres.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("a managed database is a node of the cluster"));
        return postgres.postgres().databaseUrl().toString();
    }

    /**
     * Writes the node's configuration files into its (private) data directory, with the credentials a pod's init
     * container appends from Secrets appended from {@code secrets}; files are created 0600.
     */
    private void writeConfigFiles(LocalNode.FromSpec node, LocalSecrets secrets) throws IOException {
        ComponentSpec spec = node.spec();
        Path dataDir = spec.dataDir();
        LocalWorkDir.createPrivateDirectory(dataDir);
        Optional<SecretConfigKeys> credentials = spec.component().descriptor().secretConfigKeys(cluster);
        for (Map.Entry<String, String> file : spec.configFiles().entrySet()) {
            StringBuilder content = new StringBuilder(file.getValue());
            if (credentials.isPresent() && credentials.get().file().equals(file.getKey())) {
                for (Map.Entry<String, EnvValue.FromSecret> key : credentials.get().values().entrySet()) {
                    content.append(SecretConfigKeys.tomlLine(key.getKey(), secrets.value(node.name(), key.getValue())));
                }
            }
            LocalWorkDir.writeAtomically(dataDir, file.getKey(), content.toString());
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
