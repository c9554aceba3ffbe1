package io.neonops.controlplane.process;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.neonops.storage.common.api.BoundedExchange;

/**
 * One HTTP GET of a daemon's readiness endpoint, answered in full (status, headers and body) within
 * {@link #ANSWER_TIMEOUT}, with a body of at most {@link #MAX_BODY_BYTES}: a daemon that trickles or never ends
 * its answer is not ready, and cannot hold up or exhaust the launcher.
 */
final class ReadinessProbe {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);
    // readiness answers are a few bytes of JSON or text
    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** Whether the endpoint answered 2xx, and what was seen, for messages. */
    record Answer(boolean ready, String observation) {
    }

    // built on the first probe: a launcher that only stops or inspects daemons never pays for an HTTP client
    private HttpClient client;

    Answer probe(URI url) throws InterruptedIOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(ANSWER_TIMEOUT).GET().build();
        try {
            int status = BoundedExchange.send(client(), request, ANSWER_TIMEOUT, MAX_BODY_BYTES).status();
            return new Answer(status / 100 == 2, url + " answered HTTP " + status);
        } catch (ConnectException e) {
            return new Answer(false, "nothing accepts connections at " + url);
        } catch (HttpTimeoutException e) {
            return new Answer(false, url + " did not answer in full within " + ANSWER_TIMEOUT.toSeconds() + "s");
        } catch (BoundedExchange.BodyTooLargeException e) {
            return new Answer(false, "GET " + url + ": " + e.getMessage());
        } catch (IOException e) {
            return new Answer(false, "GET " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while probing " + url);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
