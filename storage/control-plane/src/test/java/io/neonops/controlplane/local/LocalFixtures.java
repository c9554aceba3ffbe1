package io.neonops.controlplane.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.neonops.controlplane.testsupport.FreePorts;
import io.neonops.controlplane.testsupport.JavaCommand;
import io.neonops.controlplane.testsupport.TestDaemon;

/** Manifests with free ports, and a fake Neon bin directory whose daemons are {@link TestDaemon}s. */
final class LocalFixtures {
    static final int SAFEKEEPERS = 3;

    private LocalFixtures() {
    }

    /** Ports of a one-etcd, one-pageserver, three-safekeeper cluster; each base is followed by its members' ports. */
    record Ports(int etcdClient, int etcdPeer, int pageserverPg, int pageserverHttp, int safekeeperPg, int safekeeperHttp) {

        /** Ports that are free and distinct: one block holds them all, in the order of the fields. */
        static Ports free() {
            int base = FreePorts.block(4 + 2 * SAFEKEEPERS);
            return new Ports(base, base + 1, base + 2, base + 3, base + 4, base + 4 + SAFEKEEPERS);
        }
    }

    static Path manifest(Path file, String clusterName, Ports ports) throws IOException {
        return Files.writeString(file, """
                apiVersion: neonops.io/v1alpha1
                kind: NeonCluster
                metadata:
                  name: %s
                spec:
                  image: neondatabase/neon:test
                  safekeepers:
                    replicas: %d
                  local:
                    etcdClientPort: %d
                    etcdPeerPort: %d
                    pageserverPgPort: %d
                    pageserverHttpPort: %d
                    safekeeperPgPort: %d
                    safekeeperHttpPort: %d
                """.formatted(clusterName, SAFEKEEPERS, ports.etcdClient(), ports.etcdPeer(), ports.pageserverPg(),
                ports.pageserverHttp(), ports.safekeeperPg(), ports.safekeeperHttp()));
    }

    /**
     * Writes {@code pageserver} and {@code safekeeper} scripts that exec the test daemon with the real daemon's
     * arguments, plus {@code extraArgs} for the binaries named in {@code misbehaving}.
     */
    static Path fakeNeonBinDir(Path dir, List<String> binaries, List<String> misbehaving, String... extraArgs) throws IOException {
        Files.createDirectories(dir);
        for (String binary : binaries) {
            List<String> args = new ArrayList<>(List.of("--kind", binary));
            if (misbehaving.contains(binary)) {
                args.addAll(List.of(extraArgs));
            }
            fakeBinary(dir, binary, TestDaemon.class, args);
        }
        return dir;
    }

    /** Writes a script named {@code binary} in {@code dir} that execs {@code main} with {@code args} and its own arguments. */
    static Path fakeBinary(Path dir, String binary, Class<?> main, List<String> args) throws IOException {
        Files.createDirectories(dir);
        String command = JavaCommand.of(main, args).stream().map(LocalFixtures::quote).collect(Collectors.joining(" "));
        Path script = dir.resolve(binary);
        Files.writeString(script, "#!/bin/sh\nexec " + command + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
