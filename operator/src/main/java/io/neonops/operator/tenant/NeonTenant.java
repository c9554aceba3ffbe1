package io.neonops.operator.tenant;

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
 * A Neon tenant on a NeonCluster of the same namespace, created (or adopted) through the cluster's storage
 * controller. The CRD in {@code crds/} is generated from this class and its spec and status classes.
 */
@Group(NeonCluster.GROUP)
@Version(NeonCluster.VERSION)
@Kind(NeonTenant.KIND)
@Plural(NeonTenant.PLURAL)
@ShortNames("ntn")
@AdditionalPrinterColumn(name = "Tenant ID", type = Type.STRING, jsonPath = ".status.tenantId")
@AdditionalPrinterColumn(name = "Cluster", type = Type.STRING, jsonPath = ".spec.cluster")
@AdditionalPrinterColumn(name = "Shards", type = Type.INTEGER, jsonPath = ".status.shards")
@AdditionalPrinterColumn(name = "State", type = Type.STRING, jsonPath = ".status.state")
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING,
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class NeonTenant extends CustomResource<NeonTenantSpec, NeonTenantStatus> implements Namespaced {
    public static final String KIND = "NeonTenant";
    public static final String PLURAL = "neontenants";
    public static final String CRD_NAME = PLURAL + "." + NeonCluster.GROUP;
}
