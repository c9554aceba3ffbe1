package io.neonops.storage.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The server answered with an error status; {@link #serverMessage()} is the {@code msg} of its error body. */
public abstract sealed class NeonApiStatusException extends NeonApiException
        permits NotFoundException, ConflictException, UnauthorizedException, UnexpectedStatusException {

    private final int status;
    private final Optional<String> serverMessage;

    NeonApiStatusException(String endpoint, int status, Optional<String> serverMessage, String reason) {
        super(endpoint, reason, null);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    public int status() {
        return status;
    }

    public Optional<String> serverMessage() {
        return serverMessage;
    }

    /**
     * The typed error for a non-2xx response: 404 not found, 409 conflict, 401/403 unauthorized,
     * anything else unexpected. Neon's error body is {@code {"msg": "..."}}; when it has none, the
     * start of the body stands in for it.
     */
    public static NeonApiStatusException of(String endpoint, int status, byte[] body) {
        Optional<String> msg = errorMessage(body);
        String reason = "HTTP " + status + msg.or(() -> bodySnippet(body)).map(m -> ": " + m).orElse("");
        return switch (status) {
            case 404 -> new NotFoundException(endpoint, msg, reason);
            case 409 -> new ConflictException(endpoint, msg, reason);
            case 401, 403 -> new UnauthorizedException(endpoint, status, msg, reason);
            default -> new UnexpectedStatusException(endpoint, status, msg, reason);
        };
    }

    private static Optional<String> errorMessage(byte[] body) {
        try {
            JsonNode node = NeonJson.reader().readTree(body);
            return Optional.ofNullable(node)
                    .map(n -> n.get("msg"))
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::textValue);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> bodySnippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() || text.equals("null") ? Optional.empty() : Optional.of(text);
    }
}
