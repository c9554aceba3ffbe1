package io.neonops.controlplane.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.component.NodePort;
import io.neonops.controlplane.component.StorageControllerDbNodeSpec;
import io.neonops.controlplane.postgres.LocalPostgres;
import io.neonops.controlplane.postgres.LocalPostgresSpec;
import io.neonops.controlplane.postgres.PostgresBinaries;
import io.neonops.controlplane.postgres.PostgresRunAs;
import io.neonops.controlplane.process.DaemonLaunch;
import io.neonops.controlplane.process.DaemonLauncher;
import io.neonops.controlplane.process.StartResult;

/**
 * One daemon of a local cluster under the name the local commands use: {@code etcd}, {@code pageserver},
 * {@code safekeeper-<id>}, {@code storage-broker}, {@code storage-controller}, {@code storage-controller-db} (and
 * {@code etcd-<id>}, {@code pageserver-<id>} when there are several).
 */
sealed interface LocalNode extends ComponentNamed {

    /** The node as status and stop see it. */
    LocalDaemon daemon();

    /** Starts the node unless it runs (see {@link DaemonLauncher#start}); returns once it is ready. */
    StartResult start(Duration readyTimeout, Map<String, String> environment) throws IOException;

    /** Fails, naming what is missing, when the node's binaries cannot be found. */
    void checkBinaries(Duration readyTimeout) throws IOException;

    /** A daemon run from its {@link ComponentSpec}, as its pod runs it. Logs go next to the pid file, as neon_local keeps them. */
    record FromSpec(String name, ComponentSpec spec) implements LocalNode {

        @Override
        public Component component() {
            return spec.component();
        }

        @Override
        public LocalDaemon daemon() {
            return new LocalDaemon(name, spec.component(), spec.pidFile(), spec.ports());
        }

        @Override
        public StartResult start(Duration readyTimeout, Map<String, String> environment) throws IOException {
            return new DaemonLauncher().start(launch(readyTimeout, environment));
        }

        @Override
        public void checkBinaries(Duration readyTimeout) throws IOException {
            DaemonLauncher.resolveBinary(launch(readyTimeout, Map.of()));
        }

        DaemonLaunch launch(Duration readyTimeout, Map<String, String> environment) {
            return new DaemonLaunch(name, spec.command(), environment, spec.dataDir(), spec.pidFile().getParent(), spec.pidFile(),
                    spec.pidFileMode(), URI.create(spec.readinessUrl(LocalEnvironment.LOCALHOST)),
                    spec.ports().stream().map(port -> new InetSocketAddress(LocalEnvironment.LOCALHOST, port.port())).toList(),
                    readyTimeout);
        }
    }

    /**
     * The storage controller's database as neon_local runs it: a {@link LocalPostgres} in {@code DIR/storage_controller_db}
     * (initdb once, kept), on the node's port, its binaries from {@code --pg-distrib-dir} or Debian's.
     */
    record Postgres(String name, Component component, Path workDir, NodePort port, Path pgDistribDir) implements LocalNode {

        @Override
        public LocalDaemon daemon() {
            return new LocalDaemon(name, component, LocalPostgresSpec.pidFile(workDir, LocalPostgresSpec.STORAGE_CONTROLLER_DB),
                    List.of(port));
        }

        @Override
        public StartResult start(Duration readyTimeout, Map<String, String> environment) throws IOException {
            return postgres().start(readyTimeout);
        }

        @Override
        public void checkBinaries(Duration readyTimeout) throws IOException {
            postgres();
        }

        LocalPostgres postgres() throws IOException {
            PostgresBinaries binaries = PostgresBinaries.find(Optional.of(pgDistribDir), PostgresBinaries.DEBIAN_ROOT);
            return new LocalPostgres(LocalPostgresSpec.storageController(binaries, workDir, port.port(),
                    StorageControllerDbNodeSpec.USER, PostgresRunAs.forThisProcess()));
        }
    }
}
