package io.neonops.storage.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The HTTP plumbing every management-API client shares: builds the request from an {@link ApiRequest}
 * (JSON body, bearer token, timeouts), sends it with {@code java.net.http} under an overall deadline and a
 * body size limit ({@link BoundedExchange}), decodes a 2xx body with {@link NeonJson} and turns everything
 * else into a typed {@link NeonApiException}.
 * Thread-safe; one instance per daemon.
 */
public final class NeonApiTransport {

    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";

    private final ApiClientSettings settings;
    private final HttpClient http;

    /** A transport with an HTTP client of its own, which waits {@code settings.connectTimeout()} for a connection. */
    public NeonApiTransport(ApiClientSettings settings) {
        this(settings, newHttpClient(settings.connectTimeout()));
    }

    /**
     * A transport over a shared HTTP client (its connection pool and selector thread), e.g. one per process that
     * talks to many daemons: the client's own connect timeout applies, and each request's timeout bounds the whole
     * exchange, connecting included.
     */
    public NeonApiTransport(ApiClientSettings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** An HTTP client as the management APIs need it: no redirects followed. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ApiClientSettings settings() {
        return settings;
    }

    /** Sends the request and decodes the JSON response as {@code responseType}. */
    public <T> T send(ApiRequest request, Class<T> responseType) {
        return decode(request, exchange(request, JSON), NeonJson.reader().getTypeFactory().constructType(responseType));
    }

    /** Sends the request and decodes the JSON response as a generic type such as {@code List<TenantInfo>}. */
    public <T> T send(ApiRequest request, TypeReference<T> responseType) {
        return decode(request, exchange(request, JSON), NeonJson.reader().getTypeFactory().constructType(responseType));
    }

    /** Sends the request; any body of a successful response is ignored. */
    public void send(ApiRequest request) {
        exchange(request, JSON);
    }

    /**
     * Sends the request and reads the text of a successful response (e.g. Prometheus metrics) with {@code parse},
     * which throws {@link IllegalArgumentException} naming what is wrong with the text.
     *
     * @param what the form expected, for the message of a {@link MalformedResponseException}
     */
    public <T> T sendForText(ApiRequest request, String what, Function<String, T> parse) {
        BoundedExchange.Response response = exchange(request, TEXT);
        try {
            return parse.apply(new String(response.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(request.method() + " " + uriOf(request), "HTTP " + response.status()
                    + " with a body that is not valid " + what + ": " + e.getMessage(), e);
        }
    }

    /** The full URL of a request, e.g. for messages. */
    public URI uriOf(ApiRequest request) {
        String base = settings.baseUri().toString().replaceAll("/+$", "");
        String query = request.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + request.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private BoundedExchange.Response exchange(ApiRequest request, String accept) {
        URI uri = uriOf(request);
        String endpoint = request.method() + " " + uri;
        BoundedExchange.Response response;
        try {
            response = BoundedExchange.send(http, toHttpRequest(request, accept), settings.requestTimeout(), settings.maxResponseBytes());
        } catch (HttpTimeoutException e) {
            throw new NeonApiTimeoutException(endpoint, "no complete response (headers and body) within "
                    + settings.requestTimeout().toMillis() + " ms (connect timeout "
                    + settings.connectTimeout().toMillis() + " ms)", e);
        } catch (BoundedExchange.BodyTooLargeException e) {
            throw new RequestFailedException(endpoint, "response not read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RequestFailedException(endpoint, "request failed: " + ConnectionFailures.describe(e, uri), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException(endpoint, "interrupted while waiting for the response", e);
        }
        if (response.status() / 100 != 2) {
            throw NeonApiStatusException.of(endpoint, response.status(), response.body());
        }
        return response;
    }

    private HttpRequest toHttpRequest(ApiRequest request, String accept) {
        var builder = HttpRequest.newBuilder(uriOf(request))
                .timeout(settings.requestTimeout())
                .header("Accept", accept);
        settings.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        HttpRequest.BodyPublisher body = request.body()
                .map(value -> HttpRequest.BodyPublishers.ofByteArray(toJson(value)))
                .orElse(HttpRequest.BodyPublishers.noBody());
        request.body().ifPresent(value -> builder.header("Content-Type", "application/json"));
        return builder.method(request.method().name(), body).build();
    }

    private static byte[] toJson(Object value) {
        try {
            return NeonJson.writer().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private <T> T decode(ApiRequest request, BoundedExchange.Response response, JavaType type) {
        String endpoint = request.method() + " " + uriOf(request);
        try {
            T value = NeonJson.reader().forType(type).readValue(response.body());
            if (value == null) {
                throw new MalformedResponseException(endpoint, "HTTP " + response.status()
                        + " without the expected " + nameOf(type), null);
            }
            return value;
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getClass().getSimpleName() + " " + e.getMessage();
            throw new MalformedResponseException(endpoint, "HTTP " + response.status()
                    + " with a body that is not a valid " + nameOf(type) + ": " + detail, e);
        }
    }

    private static String nameOf(JavaType type) {
        if (type.isContainerType()) {
            return type.getRawClass().getSimpleName().toLowerCase() + " of " + nameOf(type.getContentType());
        }
        return type.getRawClass().getSimpleName();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
