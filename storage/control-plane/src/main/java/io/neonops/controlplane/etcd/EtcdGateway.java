package io.neonops.controlplane.etcd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.neonops.storage.common.api.BoundedExchange;
import io.neonops.storage.common.api.ConnectionFailures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * etcd's v3 JSON gateway (grpc-gateway) at one client URL: every call is a POST of a JSON body to a
 * {@code /v3/...} path. Errors come back as {@code {"error": ..., "message": ..., "code": <gRPC code>}}.
 */
final class EtcdGateway {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final int MAX_MESSAGE_LENGTH = 300;
    // member lists and member-add answers are a few kilobytes
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;

    EtcdGateway(URI endpoint, Duration timeout, HttpClient http) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.http = http;
    }

    /**
     * POSTs {@code body} as JSON to {@code path} and decodes the answer.
     *
     * @throws EtcdUnreachableException when the endpoint does not answer
     * @throws EtcdErrorException       when it answers with an error or an unreadable body
     */
    <T> T post(String path, Object body, Class<T> answerType) {
        String request = "POST " + path;
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)))
                .build();
        BoundedExchange.Response response;
        try {
            response = BoundedExchange.send(http, httpRequest, timeout, MAX_ANSWER_BYTES);
        } catch (IOException e) {
            throw new EtcdUnreachableException(endpoint + ": " + unreachable(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EtcdUnreachableException(endpoint + ": interrupted while waiting for " + request, e);
        }
        String answerText = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() / 100 != 2) {
            throw new EtcdErrorException(endpoint.toString(), request, response.status(), errorMessage(answerText), null);
        }
        try {
            T answer = JSON.readValue(answerText, answerType);
            if (answer == null) {
                throw new EtcdErrorException(endpoint.toString(), request, response.status(), "an empty body", null);
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new EtcdErrorException(endpoint.toString(), request, response.status(),
                    "a body that is not etcd's JSON: " + oneLine(e.getOriginalMessage()), e);
        }
    }

    private String unreachable(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no complete answer within " + timeout.toMillis() + " ms";
        }
        return ConnectionFailures.describe(e, endpoint);
    }

    /** etcd's reason from a gateway error body, else the start of the body. */
    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            for (String field : new String[] {"message", "error"}) {
                if (error != null && error.path(field).isTextual() && !error.path(field).textValue().isBlank()) {
                    return oneLine(error.path(field).textValue());
                }
            }
        } catch (JsonProcessingException notJson) {
            // plain text, e.g. "404 page not found" for a path this etcd does not serve
        }
        return body.isBlank() ? "no reason given" : oneLine(body);
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_MESSAGE_LENGTH ? line : line.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
}
