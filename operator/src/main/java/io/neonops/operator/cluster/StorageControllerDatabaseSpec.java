package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The storage controller's Postgres database: managed by the operator (the default) or external. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.managed) || !has(self.external)",
        message = "set either managed or external, not both", fieldPath = ".external")
public class StorageControllerDatabaseSpec {
    @JsonPropertyDescription("A Postgres the operator runs (the default when external is not set)")
    private ManagedDatabaseSpec managed;

    @JsonPropertyDescription("A Postgres you run, e.g. with CloudNativePG, named by its connection URL in a Secret")
    private ExternalDatabaseSpec external;

    public ManagedDatabaseSpec getManaged() {
        return managed;
    }

    public void setManaged(ManagedDatabaseSpec managed) {
        this.managed = managed;
    }

    public ExternalDatabaseSpec getExternal() {
        return external;
    }

    public void setExternal(ExternalDatabaseSpec external) {
        this.external = external;
    }
}
