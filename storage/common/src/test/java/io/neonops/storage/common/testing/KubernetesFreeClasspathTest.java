package io.neonops.storage.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesFreeClasspathTest {

    @Test
    void commonModuleRunsWithoutKubernetesOrOperatorLibraries() {
        assertThat(KubernetesFreeClasspath.classpathEntries()).anyMatch(e -> e.contains("jackson-databind"));
        assertThat(KubernetesFreeClasspath.violations()).isEmpty();
    }

    @Test
    void flagsFabric8AndOperatorSdkJarsInTheLocalRepository() {
        var entries = List.of(
                "/root/.m2/repository/com/fasterxml/jackson/core/jackson-databind/2.21.0/jackson-databind-2.21.0.jar",
                "/root/.m2/repository/io/fabric8/kubernetes-client/7.9.0/kubernetes-client-7.9.0.jar",
                "/root/.m2/repository/io/javaoperatorsdk/operator-framework-core/5.2.3/operator-framework-core-5.2.3.jar");

        assertThat(KubernetesFreeClasspath.forbiddenEntries(entries)).containsExactly(
                "classpath entry " + entries.get(1), "classpath entry " + entries.get(2));
    }
}
