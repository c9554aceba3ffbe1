package io.neonops.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.storage.common.testing.KubernetesFreeClasspath;
import org.junit.jupiter.api.Test;

class ControllerApiDependenciesTest {

    @Test
    void runsWithoutKubernetesOrOperatorLibraries() {
        assertThat(KubernetesFreeClasspath.violations()).isEmpty();
    }
}
