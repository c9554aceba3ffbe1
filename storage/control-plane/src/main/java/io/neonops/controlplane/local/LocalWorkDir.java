package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ManifestException;
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

    /** The manifest of the cluster started here, or a clear error when there is none. */
    ClusterManifest load() throws IOException {
        return remembered().orElseThrow(() -> new IOException("no local cluster in " + path
                + " (start one with: local start -f CLUSTER.yaml --dir " + path + ")"));
    }

    Optional<ClusterManifest> remembered() throws IOException {
        Path file = manifestFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClusterManifest.parse(Files.readString(file), file.toString()));
        } catch (ManifestException e) {
            throw new IOException("the remembered cluster is unusable: " + e.getMessage(), e);
        }
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
