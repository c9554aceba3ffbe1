package io.neonops.controlplane.cluster;

import java.util.List;
import java.util.stream.Collectors;

/** A NeonCluster that cannot be built, with every refused field named. */
public final class InvalidClusterSpecException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidClusterSpecException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec has at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
