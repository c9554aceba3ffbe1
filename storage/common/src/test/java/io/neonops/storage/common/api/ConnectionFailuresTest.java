package io.neonops.storage.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

    static final URI ENDPOINT = URI.create("http://pageserver-0.example:9898/v1/status");

    @Test
    void refusedConnectionIsNamedEvenWhenItsCauseHasNoMessage() {
        ConnectException refused = new ConnectException();
        refused.initCause(new ClosedChannelException());

        assertThat(ConnectionFailures.describe(new IOException(null, refused), ENDPOINT))
                .isEqualTo("connection refused (is the server running and listening there?)");
    }

    @Test
    void unknownHostIsNamedWithTheHost() {
        ConnectException connect = new ConnectException();
        connect.initCause(new UnresolvedAddressException());

        assertThat(ConnectionFailures.describe(connect, ENDPOINT)).isEqualTo("unknown host pageserver-0.example");
    }

    @Test
    void otherFailuresShowTheFirstMessageOfTheirCauses() {
        IOException failure = new IOException(null, new IllegalStateException("TLS handshake\nfailed", new IOException()));

        assertThat(ConnectionFailures.describe(failure, ENDPOINT)).isEqualTo("IllegalStateException TLS handshake failed");
        assertThat(ConnectionFailures.describe(new IOException(), ENDPOINT)).isEqualTo("IOException");
    }
}
