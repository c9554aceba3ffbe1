package io.neonops.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The chart under test, run through real Helm (helm-java); each rendering is done once per test run. */
final class NeonOperatorChart {

    static final String RELEASE = "neon-operator";
    static final String NAMESPACE = "neon-system";
    static final Path DIR = Path.of(System.getProperty("neon.chart.dir", "neon-operator")).toAbsolutePath().normalize();
    static final Path REPOSITORY_CRDS = Path.of(System.getProperty("neon.crds.dir", "../crds")).toAbsolutePath().normalize();

    // helm template assumes Kubernetes 1.20 unless told, which the chart's kubeVersion refuses.
    private static final String KUBE_VERSION = "1.30.0";

    private static final Map<ValuesOverride, Manifests> RENDERED = new ConcurrentHashMap<>();

    static Manifests render(ValuesOverride values) {
        return RENDERED.computeIfAbsent(values, v -> Manifests.parse(template(v)));
    }

    /** The message Helm fails with; an AssertionError when the values render. */
    static String renderFailure(ValuesOverride values) {
        try {
            template(values);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm template accepted the values " + values + ":\n" + values.yaml());
    }

    /** helm lint --strict, with the override merged into values.yaml of a copy (helm-java's lint takes no values). */
    static LintResult lintStrict(ValuesOverride values) {
        if (values.equals(ValuesOverride.DEFAULTS)) {
            return new Helm(DIR).lint().strict().call();
        }
        try (ChartCopy copy = ChartCopy.withValues(DIR, values)) {
            return new Helm(copy.dir()).lint().strict().call();
        }
    }

    private static String template(ValuesOverride values) {
        Path valuesFile = null;
        try {
            valuesFile = Files.createTempFile("neon-operator-values", ".yaml");
            Files.writeString(valuesFile, values.yaml());
            return new Helm(DIR).template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(valuesFile)
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file must not fail the test that used it
            }
        }
    }

    private NeonOperatorChart() {
    }
}
