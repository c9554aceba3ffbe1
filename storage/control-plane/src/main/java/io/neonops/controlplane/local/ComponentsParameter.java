package io.neonops.controlplane.local;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Parameters;

/** The {@code COMPONENT...} a local command acts on. */
public final class ComponentsParameter {

    @Parameters(paramLabel = "COMPONENT", arity = "0..*",
            description = "etcd, pageserver, safekeeper-<id> (safekeeper alone means all of them), storage-broker,"
                    + " storage-controller or storage-controller-db; none means all")
    List<String> names = new ArrayList<>();
}
