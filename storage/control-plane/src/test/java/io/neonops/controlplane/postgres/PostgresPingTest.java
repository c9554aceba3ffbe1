package io.neonops.controlplane.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.neonops.controlplane.testsupport.FreePorts;

class PostgresPingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void nothingListeningIsNoAnswer() throws IOException {
        int port = FreePorts.next();

        assertThat(PostgresPing.ping("127.0.0.1", port, "u", "d", TIMEOUT))
                .isEqualTo(new PostgresPing.Result.NoAnswer("nothing accepts connections at 127.0.0.1:" + port));
    }

    @Test
    void aStartingServersCannotConnectNowMeansNotAccepting() throws Exception {
        PostgresPing.Result result = answeredWith(errorResponse("57P03", "the database system is starting up"));

        assertThat(result).isEqualTo(new PostgresPing.Result.Refused("57P03", "the database system is starting up"));
        assertThat(result.serverAccepts()).isFalse();
    }

    @Test
    void aMissingDatabaseIsARefusalByAServerThatAccepts() throws Exception {
        PostgresPing.Result result = answeredWith(errorResponse("3D000", "database \"d\" does not exist"));

        assertThat(result.serverAccepts()).isTrue();
        assertThat(result.describe()).isEqualTo("refused the connection: database \"d\" does not exist (SQLSTATE 3D000)");
    }

    @Test
    void anHttpServerIsNoPostgres() throws Exception {
        PostgresPing.Result result = answeredWith("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(result).isInstanceOf(PostgresPing.Result.NoAnswer.class);
        assertThat(result.serverAccepts()).isFalse();
    }

    /** What a one-shot server on 127.0.0.1 that reads the startup message and sends {@code answer} makes of it. */
    private static PostgresPing.Result answeredWith(byte[] answer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket client = server.accept()) {
                    byte[] length = client.getInputStream().readNBytes(4);
                    client.getInputStream().readNBytes(ByteBuffer.wrap(length).getInt() - 4);
                    client.getOutputStream().write(answer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            PostgresPing.Result result = PostgresPing.ping("127.0.0.1", server.getLocalPort(), "u", "d", TIMEOUT);
            served.join();
            return result;
        }
    }

    private static byte[] errorResponse(String sqlState, String message) {
        byte[] fields = ("SFATAL\0C" + sqlState + "\0M" + message + "\0\0").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + fields.length).put((byte) 'E').putInt(4 + fields.length).put(fields).array();
    }
}
