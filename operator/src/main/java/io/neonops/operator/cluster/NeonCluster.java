package io.neonops.operator.cluster;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Neon storage cluster: etcd broker, pageservers and safekeepers. The CRD in {@code crds/} is generated
 * from this class and its spec and status classes.
 */
@Group(NeonCluster.GROUP)
@Version(NeonCluster.VERSION)
@Kind(NeonCluster.KIND)
@Plural(NeonCluster.PLURAL)
@ShortNames("nc")
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Pageservers", type = Type.INTEGER, jsonPath = ".status.pageserver.ready")
@AdditionalPrinterColumn(name = "Safekeepers", type = Type.INTEGER, jsonPath = ".status.safekeepers.ready")
@AdditionalPrinterColumn(name = "PG", type = Type.STRING, jsonPath = ".status.postgres.versions")
@AdditionalPrinterColumn(name = "Phase", type = Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Step", type = Type.STRING, jsonPath = ".status.upgrade.step")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class NeonCluster extends CustomResource<NeonClusterSpec, NeonClusterStatus> implements Namespaced {
    public static final String GROUP = "neonops.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "NeonCluster";
    public static final String PLURAL = "neonclusters";
    public static final String CRD_NAME = PLURAL + "." + GROUP;

    /** {@code "true"} on this annotation stops every write of the operator for the cluster. */
    public static final String PAUSED_ANNOTATION = GROUP + "/paused";

    /**
     * Names the lost data volumes (PVC names, comma-separated) that the operator may create again empty: the one
     * explicit user action that lets a member whose data is gone start from nothing.
     */
    public static final String ACCEPT_EMPTY_VOLUME_ANNOTATION = GROUP + "/accept-empty-volume";
}
