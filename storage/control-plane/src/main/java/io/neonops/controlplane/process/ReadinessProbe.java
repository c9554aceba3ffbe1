package io.neonops.controlplane.process;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** One HTTP GET of a daemon's readiness endpoint. */
final class ReadinessProbe {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(2);

    /** Whether the endpoint answered 2xx, and what was seen, for messages. */
    record Answer(boolean ready, String observation) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Answer probe(URI url) throws InterruptedIOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(ANSWER_TIMEOUT).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Answer(status / 100 == 2, url + " answered HTTP " + status);
        } catch (ConnectException e) {
            return new Answer(false, "nothing accepts connections at " + url);
        } catch (HttpTimeoutException e) {
            return new Answer(false, url + " did not answer within " + ANSWER_TIMEOUT.toSeconds() + "s");
        } catch (IOException e) {
            return new Answer(false, "GET " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while probing " + url);
        }
    }
}
