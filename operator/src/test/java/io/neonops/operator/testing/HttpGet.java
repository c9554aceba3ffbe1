package io.neonops.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP requests to the operator's endpoints, as a kubelet or Prometheus sends them. */
public final class HttpGet {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpGet() {
    }

    public static HttpResponse<String> get(InetSocketAddress server, String path) {
        return send(server, path, "GET");
    }

    public static HttpResponse<String> send(InetSocketAddress server, String path, String method) {
        return send(server, path, method, HttpRequest.BodyPublishers.noBody());
    }

    /** A PUT with a JSON body, as a storage controller sends its notifications. */
    public static HttpResponse<String> put(InetSocketAddress server, String path, String json) {
        return send(server, path, "PUT", HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(InetSocketAddress server, String path, String method,
                                             HttpRequest.BodyPublisher body) {
        URI uri = URI.create("http://" + server.getHostString() + ":" + server.getPort() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, body).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + method + " " + uri, e);
        }
    }
}
