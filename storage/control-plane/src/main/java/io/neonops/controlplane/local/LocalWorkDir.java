package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ManifestException;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.LocalEnvironment;
import io.neonops.controlplane.tenant.PageserverUrlFile;

/**
 * A local cluster's work directory ({@code .neon} by default): the daemons' directories, pid files and logs, and a
 * copy of the manifest that was started, so that status and stop need no {@code -f}.
 */
record LocalWorkDir(Path path) {
    static final String MANIFEST_FILE = "cluster.yaml";
    /** Where Postgres distributions are unless told otherwise, relative to the current directory, as in neon_local. */
    static final String DEFAULT_PG_DISTRIB_DIR = "pg_install";

    LocalWorkDir {
        path = path.toAbsolutePath().normalize();
    }

    Path manifestFile() {
        return path.resolve(MANIFEST_FILE);
    }

    /** The manifest kept here (if any), as far as it can be used. */
    sealed interface Remembered {
        /** There is no {@code cluster.yaml}. */
        record None() implements Remembered {
        }

        record Usable(ClusterManifest manifest) implements Remembered {
        }

        /** {@code cluster.yaml} is there but cannot be used, for {@code reason} (names the file). */
        record Unusable(String reason) implements Remembered {
        }
    }

    /**
     * What status and stop act on: every daemon whose pid file is here, named and with ports as the manifest says
     * when it is usable; when it is not, the daemons found by their pid files alone, and why the manifest was not
     * used.
     */
    record Inventory(Optional<ClusterSpec> cluster, Optional<String> manifestProblem, List<LocalDaemon> daemons) {
    }

    /** The manifest of the cluster started here, for a start without -f; a clear error when there is none. */
    ClusterManifest load() throws IOException {
        Remembered remembered = remembered();
        if (remembered instanceof Remembered.Usable usable) {
            return usable.manifest();
        }
        if (remembered instanceof Remembered.Unusable unusable) {
            throw new IOException("the remembered cluster is unusable: " + unusable.reason());
        }
        List<LocalDaemon> found = PidFileScan.daemons(path);
        if (!found.isEmpty()) {
            throw new IOException(manifestFile() + " does not exist, though " + path + " has the pid files of "
                    + found.stream().map(LocalDaemon::name).collect(Collectors.joining(", "))
                    + "; give -f CLUSTER.yaml (after local stop --dir " + path + " if they run)");
        }
        throw noCluster();
    }

    Remembered remembered() {
        Path file = manifestFile();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Remembered.None();
        }
        try {
            return new Remembered.Usable(ClusterManifest.read(file));
        } catch (ManifestException e) {
            return new Remembered.Unusable(e.getMessage());
        }
    }

    Inventory inventory() throws IOException {
        List<LocalDaemon> found = PidFileScan.daemons(path);
        Remembered remembered = remembered();
        if (remembered instanceof Remembered.Usable usable) {
            ClusterSpec spec = usable.manifest().spec();
            return new Inventory(Optional.of(spec), Optional.empty(), withFound(spec, inspect(spec).daemons(), found));
        }
        if (remembered instanceof Remembered.Unusable unusable) {
            if (found.isEmpty()) {
                throw new IOException("the remembered cluster is unusable: " + unusable.reason());
            }
            return new Inventory(Optional.empty(), Optional.of(unusable.reason()), found);
        }
        if (found.isEmpty()) {
            throw noCluster();
        }
        return new Inventory(Optional.empty(), Optional.of(manifestFile() + " does not exist"), found);
    }

    /** The manifest's daemons, then any other daemon whose pid file is here, in the cluster's start order. */
    private static List<LocalDaemon> withFound(ClusterSpec spec, List<LocalDaemon> fromManifest, List<LocalDaemon> found) {
        Set<Path> known = fromManifest.stream().map(LocalDaemon::pidFile).collect(Collectors.toSet());
        List<LocalDaemon> all = new ArrayList<>(fromManifest);
        found.stream().filter(daemon -> !known.contains(daemon.pidFile())).forEach(all::add);
        all.sort(Comparator.comparing(LocalDaemon::component, Component.startOrder(spec.storageBroker().isPresent())));
        return List.copyOf(all);
    }

    private IOException noCluster() {
        return new IOException("no local cluster in " + path + " (start one with: local start -f CLUSTER.yaml --dir " + path + ")");
    }

    /**
     * Keeps the manifest's text as given (comments and all), and the URL of its first pageserver where the tenant
     * and timeline commands look for it.
     */
    void remember(String manifestText, LocalCluster cluster) throws IOException {
        createPrivateDirectory(path);
        writeAtomically(path, MANIFEST_FILE, manifestText);
        writeAtomically(path, PageserverUrlFile.FILE_NAME, cluster.pageserverUrl() + "\n");
    }

    /** Replaces a file so that readers see the old or the new content, never a part. */
    static void writeAtomically(Path directory, String fileName, String content) throws IOException {
        Path temporary = Files.createTempFile(directory, fileName, ".tmp");
        Files.writeString(temporary, content);
        Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cluster to start here, with the binaries and Postgres distributions it runs. */
    LocalCluster cluster(ClusterSpec spec, Optional<Path> neonBinDir, Path pgDistribDir) {
        return new LocalCluster(spec, new LocalEnvironment(path, neonBinDir, pgDistribDir, spec.localPorts(), spec.etcd().replicas()));
    }

    /**
     * The cluster as status and stop see it: pid files, names and ports only depend on the spec and this
     * directory, not on where the binaries are.
     */
    LocalCluster inspect(ClusterSpec spec) {
        return cluster(spec, Optional.empty(), path.resolve(DEFAULT_PG_DISTRIB_DIR));
    }

    /** Daemon directories are private to the user, as etcd insists for its data directory. */
    static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
