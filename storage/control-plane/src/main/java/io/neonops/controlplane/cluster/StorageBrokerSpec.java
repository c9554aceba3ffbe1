package io.neonops.controlplane.cluster;

/** The storage broker: stateless, one of it, so only how big. */
public record StorageBrokerSpec(int replicas, ResourcesSpec resources) implements BrokerSpec {

    public static final String SPEC_PATH = "spec.storageBroker";
    /** Why there is exactly one broker: the CRD and the parser refuse more with this reason. */
    public static final String ONE_BROKER = "storage brokers do not share their subscriptions, so a second one behind"
            + " the Service would split safekeepers and pageservers between them and pageservers would miss the"
            + " safekeepers' WAL announcements";

    @Override
    public String specPath() {
        return SPEC_PATH;
    }
}
