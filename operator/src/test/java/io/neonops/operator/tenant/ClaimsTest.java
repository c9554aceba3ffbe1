package io.neonops.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClaimsTest {

    private static NeonTenant created(String name, String at) {
        NeonTenant tenant = new NeonTenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withCreationTimestamp(at).build());
        return tenant;
    }

    @Test
    void theResourceThatAlreadyShowsTheIdOwnsItEvenWhenYounger() {
        NeonTenant old = created("old", "2026-11-30T09:00:00Z");
        NeonTenant young = created("young", "2026-11-30T10:00:00Z");
        Set<String> claimed = Set.of("young");

        assertThat(Claims.ownerOtherThan(old, Stream.of(old, young), t -> claimed.contains(t.getMetadata().getName())))
                .contains(young);
        assertThat(Claims.ownerOtherThan(young, Stream.of(old, young), t -> claimed.contains(t.getMetadata().getName())))
                .isEmpty();
    }

    @Test
    void withoutAClaimTheOldestThenTheFirstByNameOwnsIt() {
        NeonTenant a = created("a", "2026-11-30T10:00:00Z");
        NeonTenant b = created("b", "2026-11-30T10:00:00Z");
        NeonTenant older = created("z", "2026-11-30T09:00:00Z");

        assertThat(Claims.ownerOtherThan(a, Stream.of(a, b), t -> false)).isEmpty();
        assertThat(Claims.ownerOtherThan(b, Stream.of(a, b), t -> false)).contains(a);
        assertThat(Claims.ownerOtherThan(a, Stream.of(a, b, older), t -> false)).contains(older);
    }
}
