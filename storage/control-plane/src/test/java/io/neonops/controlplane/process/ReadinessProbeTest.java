package io.neonops.controlplane.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

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
    void anAnswerWhoseBodyTricklesInIsNotReadyOnceTheAnswerTimeoutPasses() throws Exception {
        server.trickle("GET", "/health");

        assertThat(probe.probe(url("/health")))
                .isEqualTo(new ReadinessProbe.Answer(false, url("/health") + " did not answer in full within 2s"));
    }

    @Test
    void anAnswerWhoseBodyNeverEndsIsNotReadyAndIsCutAtTheLimit() throws Exception {
        server.endless("GET", "/health");

        assertThat(probe.probe(url("/health"))).isEqualTo(new ReadinessProbe.Answer(false,
                "GET " + url("/health") + ": the response body is larger than the limit of 65536 bytes"));
    }

    @Test
    void aPortWithoutListenerIsNotReady() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + FreePorts.next() + "/health");

        assertThat(probe.probe(nobody)).isEqualTo(new ReadinessProbe.Answer(false, "nothing accepts connections at " + nobody));
    }
}
