package io.neonops.controlplane.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 that were free a moment ago (the kernel's choice, so parallel tests do not collide). */
public final class FreePorts {
    private static final int ATTEMPTS = 100;

    private FreePorts() {
    }

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code count} consecutive free ports, for daemons numbered from a base port. */
    public static int block(int count) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = next();
            if (base + count <= 65536 && allFree(base + 1, count - 1)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found on 127.0.0.1");
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
}
