package io.neonops.controller.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The storage controller's answer to starting or cancelling a background operation on a pageserver
 * (drain, fill, delete) or to reconfiguring one: the documented answers a caller must tell apart.
 *
 * @param endpoint      method and URL of the call, for messages
 * @param serverMessage the {@code msg} of the error body, when there was one
 */
public record NodeOperationAnswer(Kind kind, String endpoint, Optional<String> serverMessage) {

    public enum Kind {
        /** 202 (200 for a delete): started, or cancelled; poll the node's scheduling policy. */
        ACCEPTED,
        /**
         * 409: this node's policy already shows the operation (e.g. still {@code Draining} after the storage
         * controller restarted and lost the operation itself).
         */
        ALREADY_IN_PROGRESS,
        /** 412 "Background operation already ongoing" / "Ongoing background operation": wait and retry. */
        OTHER_OPERATION_RUNNING,
        /**
         * Any other 412: the node's policy forbids it, there is nowhere to move shards, or there is nothing to
         * cancel; the server message says which.
         */
        NOT_ALLOWED,
        /** 503: the node is not Active (e.g. still warming up after a restart); retry. */
        NODE_UNAVAILABLE,
        /** 404: no such node. */
        NODE_NOT_FOUND
    }

    // the storage controller's two wordings of "another drain, fill or delete is running"
    private static final String OPERATION_ONGOING = "Background operation already ongoing";
    private static final String OPERATION_FORBIDS = "Ongoing background operation";

    public NodeOperationAnswer {
        Objects.requireNonNull(kind, "kind");
    }

    /** The answer an error status stands for; empty for statuses the operations do not document. */
    static Optional<Kind> kindOf(int status, Optional<String> serverMessage) {
        return switch (status) {
            case 404 -> Optional.of(Kind.NODE_NOT_FOUND);
            case 409 -> Optional.of(Kind.ALREADY_IN_PROGRESS);
            case 412 -> Optional.of(serverMessage.filter(m -> m.contains(OPERATION_ONGOING) || m.contains(OPERATION_FORBIDS))
                    .isPresent() ? Kind.OTHER_OPERATION_RUNNING : Kind.NOT_ALLOWED);
            case 503 -> Optional.of(Kind.NODE_UNAVAILABLE);
            default -> Optional.empty();
        };
    }

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    /** For status and logs: the endpoint, the kind and the server's reason. */
    @Override
    public String toString() {
        return endpoint + ": " + kind + serverMessage.map(m -> " (" + m + ")").orElse("");
    }
}
