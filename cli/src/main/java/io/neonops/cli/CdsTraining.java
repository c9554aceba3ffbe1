package io.neonops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import picocli.CommandLine;

/**
 * The build's training run for the class-data-sharing archive that {@code bin/neon-operator} uses: run once with
 * {@code -XX:ArchiveClassesAtExit}, it goes through what the local commands load (manifest parsing, spawning etcd
 * and waiting for it, pid files, status, the pageserver client, stop), so that later runs map those classes
 * instead of loading them. It always stops the etcd it started and removes its work directory; a step that fails
 * (no etcd on PATH) only makes the archive smaller, so it never fails the build.
 *
 * <p>Arguments: the example manifest and a scratch directory.
 */
public final class CdsTraining {
    // below the ephemeral port range, as the tests draw theirs
    private static final int LOWEST_PORT = 20000;
    private static final int HIGHEST_PORT = 32000;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path example = Path.of(args[0]);
        Path scratch = Files.createDirectories(Path.of(args[1]));
        Path dir = scratch.resolve("cluster");
        try {
            int port = freePortPair();
            Path manifest = Files.writeString(scratch.resolve("cluster.yaml"), withEtcdPorts(Files.readString(example), port));
            run("local", "start", "-f", manifest.toString(), "--dir", dir.toString(), "--timeout", "30", "etcd");
            run("local", "status", "--dir", dir.toString());
            run("local", "tenant", "list", "--pageserver", "http://127.0.0.1:" + freePortPair());
        } finally {
            // the pid files go with the directory only once nothing runs that they name
            if (!Files.isDirectory(dir) || run("local", "stop", "--dir", dir.toString()) == 0) {
                deleteTree(scratch);
            } else {
                System.err.println("neon-operator CDS training: could not stop the etcd started in " + dir + "; left in place");
            }
        }
    }

    /** The example manifest with etcd on {@code clientPort} and the port after it. */
    static String withEtcdPorts(String example, int clientPort) {
        // the example's last section is spec, so an appended, indented key lands in it
        return example.stripTrailing() + "\n  local: {etcdClientPort: " + clientPort + ", etcdPeerPort: " + (clientPort + 1) + "}\n";
    }

    private static int run(String... args) {
        CommandLine command = NeonOperatorCommand.commandLine(args);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        command.setOut(discard);
        command.setErr(discard);
        return command.execute(args);
    }

    /** The first of two consecutive ports on 127.0.0.1 that were free a moment ago. */
    @SuppressWarnings("try") // binding is the check; the sockets close at once
    static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
            try (ServerSocket first = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                    ServerSocket second = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports on 127.0.0.1 between " + LOWEST_PORT + " and " + HIGHEST_PORT);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
