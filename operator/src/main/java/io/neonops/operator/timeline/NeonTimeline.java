package io.neonops.operator.timeline;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.neonops.operator.cluster.NeonCluster;

/**
 * A timeline (a Neon branch) of a NeonTenant in the same namespace: a new root timeline, or a branch of another
 * NeonTimeline at an LSN or a time. The CRD in {@code crds/} is generated from this class.
 */
@Group(NeonCluster.GROUP)
@Version(NeonCluster.VERSION)
@Kind(NeonTimeline.KIND)
@Plural(NeonTimeline.PLURAL)
@ShortNames("ntl")
@AdditionalPrinterColumn(name = "Timeline ID", type = Type.STRING, jsonPath = ".status.timelineId")
@AdditionalPrinterColumn(name = "Tenant", type = Type.STRING, jsonPath = ".spec.tenant")
@AdditionalPrinterColumn(name = "Parent", type = Type.STRING, jsonPath = ".spec.parent")
@AdditionalPrinterColumn(name = "PG", type = Type.INTEGER, jsonPath = ".status.pgVersion")
@AdditionalPrinterColumn(name = "State", type = Type.STRING, jsonPath = ".status.state")
@AdditionalPrinterColumn(name = "Size", type = Type.INTEGER, jsonPath = ".status.logicalSize")
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class NeonTimeline extends CustomResource<NeonTimelineSpec, NeonTimelineStatus> implements Namespaced {
    public static final String KIND = "NeonTimeline";
    public static final String PLURAL = "neontimelines";
    public static final String CRD_NAME = PLURAL + "." + NeonCluster.GROUP;
}
