package io.neonops.operator.upgrade;

import static io.neonops.storage.common.PgMajorVersion.V15;
import static io.neonops.storage.common.PgMajorVersion.V16;
import static io.neonops.storage.common.PgMajorVersion.V17;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.neonops.controlplane.cluster.PostgresSpec;
import io.neonops.storage.common.PgMajorVersion;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PostgresVersionChangeTest {

    private static final Supplier<TimelineLookup> NOT_TO_BE_ASKED = () -> fail("the pageservers were asked");

    private static PostgresVersionChange change(Set<PgMajorVersion> running, PgMajorVersion defaultVersion, PgMajorVersion... versions) {
        return PostgresVersionChange.between(running, new PostgresSpec(List.of(versions), defaultVersion));
    }

    private static Supplier<TimelineLookup> timelines(TimelinePgVersion... timelines) {
        return () -> new TimelineLookup.Answered(List.of(timelines));
    }

    @Test
    void addingAMajorRollsThePodsWithoutAskingThePageservers() {
        PostgresVersionChange change = change(Set.of(V16), V16, V16, V17);

        assertThat(change).isEqualTo(new PostgresVersionChange(Set.of(V17), Set.of()));
        assertThat(change.rollsPods()).isTrue();
        assertThat(change.decide(NOT_TO_BE_ASKED)).isEqualTo(new VersionDecision.Allowed(change));
    }

    @Test
    void changingOnlyTheDefaultRollsNothing() {
        PostgresVersionChange change = change(Set.of(V16, V17), V16, V16, V17);

        assertThat(change.rollsPods()).isFalse();
        assertThat(change.decide(NOT_TO_BE_ASKED)).isEqualTo(new VersionDecision.Allowed(change));
    }

    @Test
    void removingAMajorNoTimelineUsesIsAllowedAndRolls() {
        PostgresVersionChange change = change(Set.of(V16, V17), V17, V17);

        assertThat(change.decide(timelines(new TimelinePgVersion("t1", "tl1", 17)))).isEqualTo(new VersionDecision.Allowed(change));
        assertThat(change.rollsPods()).isTrue();
    }

    @Test
    void removingAMajorATimelineUsesIsRefusedNamingTheFieldTheMajorAndTheTimeline() {
        TimelinePgVersion on16 = new TimelinePgVersion("t1", "tl1", 16);

        VersionDecision decision = change(Set.of(V16, V17), V17, V17)
                .decide(timelines(new TimelinePgVersion("t1", "tl2", 17), on16));

        assertThat(decision).isEqualTo(new VersionDecision.Refused(
                "spec.postgres.versions: cannot remove Postgres 16 while 1 timeline uses it: tenant t1 timeline tl1 (Postgres 16)",
                List.of(on16)));
    }

    @Test
    void swappingMajorsIsRefusedWhileTheOldOneIsInUse() {
        VersionDecision decision = change(Set.of(V15, V16), V17, V17)
                .decide(timelines(new TimelinePgVersion("b", "x", 16), new TimelinePgVersion("a", "y", 15)));

        assertThat(decision).isInstanceOf(VersionDecision.Refused.class);
        assertThat(((VersionDecision.Refused) decision).message()).isEqualTo(
                "spec.postgres.versions: cannot remove Postgres 15, 16 while 2 timelines use them:"
                        + " tenant a timeline y (Postgres 15), tenant b timeline x (Postgres 16)");
    }

    @Test
    void aRefusalNamesAFewTimelinesAndCountsTheRest() {
        TimelinePgVersion[] many = IntStream.range(0, PostgresVersionChange.MAX_NAMED_TIMELINES + 2)
                .mapToObj(i -> new TimelinePgVersion("t", "tl" + i, 16)).toArray(TimelinePgVersion[]::new);

        VersionDecision.Refused refused = (VersionDecision.Refused) change(Set.of(V16, V17), V17, V17).decide(timelines(many));

        assertThat(refused.blocking()).hasSize(many.length);
        assertThat(refused.message()).contains("7 timelines use it", "tenant t timeline tl4 (Postgres 16) and 2 more")
                .doesNotContain("tl5", "tl6");
    }

    @Test
    void removingAMajorIsRefusedWhenThePageserversCannotBeAsked() {
        VersionDecision decision = change(Set.of(V16, V17), V17, V17)
                .decide(() -> new TimelineLookup.Unavailable("demo-pageserver-0: connection refused"));

        assertThat(decision).isEqualTo(new VersionDecision.Refused("spec.postgres.versions: cannot remove Postgres 16:"
                + " could not ask the pageservers which timelines use it: demo-pageserver-0: connection refused", List.of()));
    }
}
