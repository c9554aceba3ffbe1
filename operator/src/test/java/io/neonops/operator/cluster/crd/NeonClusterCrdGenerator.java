package io.neonops.operator.cluster.crd;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.client.CustomResource;
import io.neonops.operator.cluster.NeonCluster;
import io.neonops.operator.tenant.NeonTenant;
import io.neonops.operator.timeline.NeonTimeline;
import java.io.File;
import java.util.List;

/**
 * Generates the CRDs (NeonCluster, NeonTenant, NeonTimeline) from the Java model at build time (the operator's pom
 * runs it before the check that {@code crds/} is current). It lives with the tests so that the generator stays out of the
 * operator's runtime classpath.
 */
public final class NeonClusterCrdGenerator {

    /** Every resource the operator defines, one CRD each. */
    public static final List<Class<? extends CustomResource<?, ?>>> RESOURCES =
            List.of(NeonCluster.class, NeonTenant.class, NeonTimeline.class);

    private NeonClusterCrdGenerator() {
    }

    /** Writes the CRDs into {@code outputDir} and returns how many files it wrote. */
    @SuppressWarnings("unchecked")
    public static int generate(File outputDir) {
        return new CRDGenerator()
                .inOutputDir(outputDir)
                .forCRDVersions("v1")
                .withPostProcessor(new DeclaredPrinterColumnOrder(RESOURCES))
                .customResourceClasses(RESOURCES.toArray(new Class[0]))
                .generate();
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: NeonClusterCrdGenerator OUTPUT_DIR");
        }
        File outputDir = new File(args[0]);
        if (!outputDir.isDirectory() && !outputDir.mkdirs()) {
            throw new IllegalStateException("cannot create " + outputDir);
        }
        if (generate(outputDir) != RESOURCES.size()) {
            throw new IllegalStateException("expected one CRD for each of " + RESOURCES);
        }
    }
}
