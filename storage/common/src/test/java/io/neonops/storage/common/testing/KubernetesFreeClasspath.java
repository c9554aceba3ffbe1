package io.neonops.storage.common.testing;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds Kubernetes or operator libraries on the running test classpath: storage modules must run
 * without them (local mode), so their dependency tree may not contain any.
 */
public final class KubernetesFreeClasspath {

    private static final List<String> FORBIDDEN_CLASSES = List.of(
            "io.fabric8.kubernetes.client.KubernetesClient",
            "io.fabric8.kubernetes.api.model.HasMetadata",
            "io.javaoperatorsdk.operator.Operator",
            "io.kubernetes.client.openapi.ApiClient");

    private static final List<String> FORBIDDEN_PATH_PARTS = List.of(
            "/io/fabric8/", "/io/javaoperatorsdk/", "/io/kubernetes/");

    private KubernetesFreeClasspath() {
    }

    /** Descriptions of every forbidden class or jar found; empty when the classpath is clean. */
    public static List<String> violations() {
        List<String> found = new ArrayList<>();
        for (String name : FORBIDDEN_CLASSES) {
            if (loadable(name)) {
                found.add("class " + name);
            }
        }
        found.addAll(forbiddenEntries(classpathEntries()));
        return found;
    }

    static List<String> forbiddenEntries(List<String> classpathEntries) {
        List<String> found = new ArrayList<>();
        for (String entry : classpathEntries) {
            String normalized = entry.replace(File.separatorChar, '/');
            if (FORBIDDEN_PATH_PARTS.stream().anyMatch(normalized::contains)) {
                found.add("classpath entry " + entry);
            }
        }
        return found;
    }

    /** The test classpath: surefire records the real one when it launches through a manifest-only jar. */
    static List<String> classpathEntries() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, KubernetesFreeClasspath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
