package io.neonops.operator.resources;

import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpecs;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of everything the operator creates for a cluster, all derived from the cluster's name. */
public final class ResourceNames {

    private static final String DATA_SUFFIX = "-data";
    private static final Pattern TRAILING_INDEX = Pattern.compile(".*-([0-9]{1,9})(" + DATA_SUFFIX + ")?");

    private ResourceNames() {
    }

    /** {@code <cluster>-<component>-<index>}: the node's member name among its peers. */
    public static String pod(ClusterSpec cluster, Component component, int index) {
        return ComponentSpecs.memberName(cluster, component, index);
    }

    /** The data volume of a node: {@code <pod>-data}. */
    public static String volumeClaim(ClusterSpec cluster, Component component, int index) {
        return pod(cluster, component, index) + DATA_SUFFIX;
    }

    /** The node index in a name that {@link #pod} or {@link #volumeClaim} gave; empty for any other name. */
    public static OptionalInt nodeIndex(ClusterSpec cluster, Component component, String name) {
        Matcher trailing = TRAILING_INDEX.matcher(name);
        if (!trailing.matches()) {
            return OptionalInt.empty();
        }
        int index = Integer.parseInt(trailing.group(1));
        boolean ours = name.equals(pod(cluster, component, index)) || name.equals(volumeClaim(cluster, component, index));
        return ours ? OptionalInt.of(index) : OptionalInt.empty();
    }

    /** The component's headless Service {@code <cluster>-<component>}, which gives each pod a DNS name. */
    public static String service(ClusterSpec cluster, Component component) {
        return cluster.name() + "-" + component.id();
    }

    /** The component's ConfigMap of configuration files, {@code <cluster>-<component>}. */
    public static String configMap(ClusterSpec cluster, Component component) {
        return service(cluster, component);
    }

    /** The component's PodDisruptionBudget, {@code <cluster>-<component>}. */
    public static String disruptionBudget(ClusterSpec cluster, Component component) {
        return service(cluster, component);
    }
}
