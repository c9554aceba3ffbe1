package io.neonops.operator.cluster.crd;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.neonops.operator.cluster.NeonCluster;
import java.io.File;

/**
 * Generates the NeonCluster CRD from the Java model at build time (the operator's pom runs it before the
 * check that {@code crds/} is current). It lives with the tests so that the generator stays out of the
 * operator's runtime classpath.
 */
public final class NeonClusterCrdGenerator {

    private NeonClusterCrdGenerator() {
    }

    /** Writes the CRD into {@code outputDir} and returns how many files it wrote. */
    public static int generate(File outputDir) {
        return new CRDGenerator()
                .inOutputDir(outputDir)
                .forCRDVersions("v1")
                .withPostProcessor(new DeclaredPrinterColumnOrder(NeonCluster.class))
                .customResourceClasses(NeonCluster.class)
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
        if (generate(outputDir) != 1) {
            throw new IllegalStateException("expected exactly one CRD from " + NeonCluster.class.getName());
        }
    }
}
