package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neonops.storage.common.NodeId;
import java.util.Objects;

/**
 * A safekeeper as the storage controller describes it ({@code SafekeeperDescribeResponse}): an element
 * of {@code GET /control/v1/safekeeper} and the answer of {@code GET /control/v1/safekeeper/{id}}. On the
 * wire the registration's fields and {@code scheduling_policy} side by side.
 *
 * @param registration what was registered, to compare with what should be (a difference means: register again)
 */
public record RegisteredSafekeeper(@JsonUnwrapped SafekeeperRegistration registration,
        SafekeeperSchedulingPolicy schedulingPolicy) {

    public RegisteredSafekeeper {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(schedulingPolicy, () -> "safekeeper " + registration.id() + ": scheduling_policy is missing");
    }

    public NodeId id() {
        return registration.id();
    }

    public RegisteredSafekeeper withSchedulingPolicy(SafekeeperSchedulingPolicy policy) {
        return new RegisteredSafekeeper(registration, policy);
    }

    record OwnFields(SafekeeperSchedulingPolicy schedulingPolicy) {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RegisteredSafekeeper fromJson(ObjectNode body) throws JsonProcessingException {
        return new RegisteredSafekeeper(FlattenedFields.read(body, SafekeeperRegistration.class),
                FlattenedFields.read(body, OwnFields.class).schedulingPolicy());
    }
}
