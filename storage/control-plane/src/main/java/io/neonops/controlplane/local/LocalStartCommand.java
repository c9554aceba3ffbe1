package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ManifestException;
import io.neonops.controlplane.timing.PhaseTimings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code local start}: starts the cluster's daemons and returns once they are ready; they keep running. */
@Command(name = "start",
        mixinStandardHelpOptions = true,
        description = {"Starts the cluster's daemons and returns once each is ready; the daemons keep running. A daemon"
                + " that already runs is left as it is.",
                "2022 topology (spec.etcd): etcd, pageserver, safekeepers. Storage-broker topology: the storage"
                + " controller's Postgres (managed database, kept in DIR), storage controller, storage broker,"
                + " safekeepers (then registered with the storage controller), pageservers.",
                "With spec.auth: the Ed25519 key pair DIR/auth_private_key.pem and DIR/auth_public_key.pem (generated when"
                + " neither exists, never overwritten); local mode mints the daemons' tokens with it.",
                "If a daemon or the registration fails, the daemons this command started are stopped again."})
public final class LocalStartCommand implements Callable<Integer> {
    static final String NEON_BIN_DIR = "NEON_BIN_DIR";

    @Spec
    CommandSpec spec;

    @Mixin
    WorkDirOption dir;

    @Option(names = {"-f", "--file"}, paramLabel = "CLUSTER.yaml",
            description = "the NeonCluster manifest; kept in DIR, so that later commands need not repeat it")
    Path manifestFile;

    @Option(names = "--neon-bin-dir", paramLabel = "BIN",
            description = "the directory holding Neon's binaries (pageserver, safekeeper, storage_broker, storage_controller;"
                    + " default: $" + NEON_BIN_DIR + ", else PATH)")
    Path neonBinDir;

    @Option(names = "--pg-distrib-dir", paramLabel = "PG", defaultValue = LocalWorkDir.DEFAULT_PG_DISTRIB_DIR,
            description = "the Postgres distributions, one vNN directory per major (default: ${DEFAULT-VALUE}); the storage"
                    + " controller's database runs from its v16 (else v15, v14, v17) or Debian's postgresql")
    Path pgDistribDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long each daemon may take to become ready (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    ComponentsParameter components;

    @Override
    public Integer call() throws IOException, ManifestException {
        Duration readyTimeout = LocalCommand.positiveSeconds(spec, "--timeout", timeoutSeconds);
        LocalWorkDir workDir = dir.workDir();
        ClusterSpecSource manifest = manifest(workDir);
        PhaseTimings.mark("manifest read");
        LocalCluster cluster = workDir.cluster(manifest.manifest().spec(), binDir(), pgDistribDir);
        List<LocalNode> nodes = cluster.select(components.names);
        if (manifest.text().isPresent()) {
            workDir.remember(manifest.text().get(), cluster);
        }
        cluster.start(nodes, readyTimeout, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** A manifest and, when it came from -f, its text to remember. */
    private record ClusterSpecSource(ClusterManifest manifest, Optional<String> text) {
    }

    private ClusterSpecSource manifest(LocalWorkDir workDir) throws IOException, ManifestException {
        if (manifestFile == null) {
            return new ClusterSpecSource(workDir.load(), Optional.empty());
        }
        String text = ClusterManifest.readText(manifestFile);
        ClusterManifest manifest = ClusterManifest.parse(text, manifestFile.toString());
        LocalDaemons daemons = new LocalDaemons();
        LocalWorkDir.Remembered previous = workDir.remembered();
        if (previous instanceof LocalWorkDir.Remembered.Usable usable) {
            ClusterSpec running = usable.manifest().spec();
            if (!running.equals(manifest.spec()) && daemons.anyRunning(workDir.inspect(running).daemons())) {
                throw new IOException(workDir.path() + " runs cluster " + running.name()
                        + " from a different manifest; stop it first (local stop --dir " + workDir.path() + ")");
            }
        } else if (daemons.anyRunning(PidFileScan.daemons(workDir.path()))) {
            // which cluster runs is unknown: replacing the manifest could hide it from the next start
            throw new IOException(workDir.path() + " has running daemons but " + (previous instanceof LocalWorkDir.Remembered.Unusable
                    unusable ? unusable.reason() : workDir.manifestFile() + " does not exist")
                    + "; stop them first (local stop --dir " + workDir.path() + ")");
        }
        return new ClusterSpecSource(manifest, Optional.of(text));
    }

    private Optional<Path> binDir() {
        if (neonBinDir != null) {
            return Optional.of(neonBinDir);
        }
        return Optional.ofNullable(System.getenv(NEON_BIN_DIR)).filter(value -> !value.isBlank()).map(Path::of);
    }
}
