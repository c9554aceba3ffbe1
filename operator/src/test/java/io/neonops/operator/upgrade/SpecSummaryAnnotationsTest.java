package io.neonops.operator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecSummaryAnnotationsTest {

    @Test
    void aSummaryReadsBackFromTheAnnotationsItWrites() {
        Map<String, String> annotations = SpecSummaryAnnotations.of(Clusters.NEW);

        assertThat(annotations).containsOnly(
                Map.entry("neonops.io/image", "neondatabase/neon:4300"),
                Map.entry("neonops.io/pg-versions", "16,17"));
        assertThat(SpecSummaryAnnotations.read(annotations)).contains(Clusters.NEW);
    }

    @Test
    void versionsAreReadInAnyOrderAndWithSpaces() {
        assertThat(SpecSummaryAnnotations.read(Map.of("neonops.io/image", "img", "neonops.io/pg-versions", "17, 16")))
                .contains(new SpecSummary("img", Clusters.NEW.versions()));
    }

    @Test
    void missingOrDamagedAnnotationsReadAsUnknown() {
        assertThat(SpecSummaryAnnotations.read(Map.of())).isEmpty();
        assertThat(SpecSummaryAnnotations.read(Map.of("neonops.io/image", "img"))).isEmpty();
        assertThat(SpecSummaryAnnotations.read(Map.of("neonops.io/image", "img", "neonops.io/pg-versions", "16,x"))).isEmpty();
        assertThat(SpecSummaryAnnotations.read(Map.of("neonops.io/image", "img", "neonops.io/pg-versions", "13"))).isEmpty();
        assertThat(SpecSummaryAnnotations.read(Map.of("neonops.io/image", "img", "neonops.io/pg-versions", ""))).isEmpty();
    }
}
