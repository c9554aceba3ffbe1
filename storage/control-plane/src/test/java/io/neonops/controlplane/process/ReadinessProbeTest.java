package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.neonops.controlplane.testsupport.FreePorts;
import io.neonops.storage.common.testing.FakeHttpServer;

class ReadinessProbeTest {
    private final FakeHttpServer server = FakeHttpServer.start();
    private final ReadinessProbe probe = new ReadinessProbe();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private URI url(String path) {
        return URI.create(server.baseUri() + path);
    }

    @Test
    void aSuccessStatusIsReady() throws Exception {
        server.respond("GET", "/health", 200, "{\"health\":\"true\"}");

        assertThat(probe.probe(url("/health"))).isEqualTo(new ReadinessProbe.Answer(true, url("/health") + " answered HTTP 200"));
    }

    @Test
    void anErrorStatusIsNotReady() throws Exception {
        server.respond("GET", "/health", 503, "{\"msg\":\"starting\"}");

        assertThat(probe.probe(url("/health"))).isEqualTo(new ReadinessProbe.Answer(false, url("/health") + " answered HTTP 503"));
    }

    @Test
    void anEndpointThatNeverAnswersIsNotReadyOnceTheAnswerTimeoutPasses() throws Exception {
        server.hang("GET", "/health");

        assertThat(probe.probe(url("/health")))
                .isEqualTo(new ReadinessProbe.Answer(false, url("/health") + " did not answer within 2s"));
    }

    @Test
    void aBodyThatTricklesInDoesNotHoldTheProbeOnlyTheStatusCounts() throws Exception {
        server.trickle("GET", "/health");

        assertThat(probe.probe(url("/health"))).isEqualTo(new ReadinessProbe.Answer(true, url("/health") + " answered HTTP 200"));
    }

    @Test
    void aBodyThatNeverEndsIsNotReadOnlyTheStatusCounts() throws Exception {
        server.endless("GET", "/health");

        assertThat(probe.probe(url("/health"))).isEqualTo(new ReadinessProbe.Answer(true, url("/health") + " answered HTTP 200"));
    }

    @Test
    void anAnswerThatIsNotHttpIsNotReady() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + garbage.getLocalPort() + "/health");
            Thread answerer = new Thread(() -> {
                try (Socket client = garbage.accept()) {
                    client.getOutputStream().write("x".repeat(4096).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the probe hung up first
                }
            });
            answerer.start();

            assertThat(probe.probe(url)).isEqualTo(new ReadinessProbe.Answer(false,
                    "GET " + url + " failed: no status line in the first 1024 bytes of the answer"));
            answerer.join();
        }
    }

    @Test
    void aPortWithoutListenerIsNotReady() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.next() + "/health");

        assertThat(probe.probe(nobody)).isEqualTo(new ReadinessProbe.Answer(false, "nothing accepts connections at " + nobody));
    }

    @Test
    void aPostgresqlUrlIsProbedInThePostgresProtocolNotHttp() throws Exception {
        int port = FreePorts.next();
        URI postgres = URI.create("postgresql://u@127.0.0.1:" + port + "/postgres");

        assertThat(probe.probe(postgres)).isEqualTo(new ReadinessProbe.Answer(false,
                "Postgres at 127.0.0.1:" + port + ": nothing accepts connections at 127.0.0.1:" + port));
    }
}
