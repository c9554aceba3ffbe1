package io.neonops.controlplane.cluster;

/** The storage broker: stateless, so only how many and how big. */
public record StorageBrokerSpec(int replicas, ResourcesSpec resources) implements BrokerSpec {

    public static final String SPEC_PATH = "spec.storageBroker";

    @Override
    public String specPath() {
        return SPEC_PATH;
    }
}
