package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The storage controller, required with the storage broker, and its database. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageControllerSpec {
    private ComputeResources resources;
    private StorageControllerDatabaseSpec database;

    public ComputeResources getResources() {
        return resources;
    }

    public void setResources(ComputeResources resources) {
        this.resources = resources;
    }

    public StorageControllerDatabaseSpec getDatabase() {
        return database;
    }

    public void setDatabase(StorageControllerDatabaseSpec database) {
        this.database = database;
    }
}
