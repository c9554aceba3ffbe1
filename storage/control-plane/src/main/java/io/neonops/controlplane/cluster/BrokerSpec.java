package io.neonops.controlplane.cluster;

/**
 * The broker through which safekeepers and pageservers find each other: exactly one per cluster. Which one
 * decides the generation of Neon the cluster runs: the 2022 etcd, or the storage broker of every release since
 * December 2022.
 */
public sealed interface BrokerSpec permits EtcdSpec, StorageBrokerSpec {

    /** The spec field that chose this broker, as field errors name it. */
    String specPath();
}
