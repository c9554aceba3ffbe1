package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on 127.0.0.1 that were free a moment ago. They are drawn below the kernel's ephemeral range: a port from
 * that range (what bind(0) gives) may be taken as the local end of any outgoing connection before the daemon meant
 * to listen on it binds it.
 */
public final class FreePorts {
    private static final int LOWEST = 20000;
    private static final int ATTEMPTS = 1000;
    private static final int EPHEMERAL_START = ephemeralRangeStart();

    private FreePorts() {
    }

    public static int next() {
        return block(1);
    }

    /** The first of {@code count} consecutive free ports, for daemons numbered from a base port. */
    public static int block(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_START - count);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found on 127.0.0.1 below " + EPHEMERAL_START);
    }

    @SuppressWarnings("try") // binding is the check; the socket closes at once
    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound: free
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int ephemeralRangeStart() {
        try {
            // one buffered read: a sysctl file answers a read at an offset other than 0 with nothing
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).strip().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
