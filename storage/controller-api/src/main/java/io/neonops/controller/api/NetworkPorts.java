package io.neonops.controller.api;

import java.util.Optional;

/** Checks of the host and port fields the storage controller stores for its nodes. */
final class NetworkPorts {

    private NetworkPorts() {
    }

    static void requirePort(String field, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("invalid " + field + " " + port + ": expected 1 to 65535");
        }
    }

    static void requirePort(String field, Optional<Integer> port) {
        port.ifPresent(p -> requirePort(field, p));
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }

    /** A host and its port, both required. */
    static void requireListener(String hostField, String host, String portField, int port) {
        requireText(hostField, host);
        requirePort(portField, port);
    }

    /** An optional host and its port: Neon refuses (400) one without the other. */
    static void requireOptionalListener(String hostField, Optional<String> host, String portField, Optional<Integer> port) {
        if (host.isPresent() != port.isPresent()) {
            throw new IllegalArgumentException(hostField + " and " + portField + " go together: give both or neither");
        }
        requirePort(portField, port);
    }
}
