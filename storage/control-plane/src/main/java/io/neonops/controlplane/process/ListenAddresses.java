package io.neonops.controlplane.process;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Checks up front that the addresses a daemon will listen on are free, so that a busy port gets a clear error. */
final class ListenAddresses {

    private ListenAddresses() {
    }

    static void requireFree(String name, List<InetSocketAddress> addresses) throws IOException {
        for (InetSocketAddress address : addresses) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(address);
            } catch (BindException e) {
                throw new IOException(name + " cannot start: " + describe(address) + " is already in use ("
                        + e.getMessage() + ")");
            }
        }
    }

    private static String describe(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
