package io.neonops.safekeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.storage.common.PgServerVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerVersionCheckTest {

    private static ServerVersionCheck check(int recorded, int incoming) {
        return ServerVersionCheck.of(PgServerVersion.of(recorded), PgServerVersion.of(incoming));
    }

    @Test
    void sameMajorWithAnotherMinorIsAccepted() {
        assertThat(check(140005, 140007).isCompatible()).isTrue();
        assertThat(check(150002, 150000)).isEqualTo(new ServerVersionCheck.Compatible());
    }

    @Test
    void anotherMajorIsRefusedInTheSafekeepersWords() {
        ServerVersionCheck result = check(140005, 150002);

        assertThat(result.isCompatible()).isFalse();
        assertThat(result).isInstanceOfSatisfying(ServerVersionCheck.Incompatible.class,
                r -> assertThat(r.message()).isEqualTo("incompatible server version 150002, expected 140005"));
    }

    @Test
    void anUnknownRecordedVersionAcceptsAnyCompute() {
        assertThat(check(0, 150002).isCompatible()).isTrue();
        assertThat(check(0, 170000).isCompatible()).isTrue();
    }

    @Test
    void aComputeWithoutVersionIsRefusedOnceAVersionIsRecorded() {
        assertThat(check(160001, 0)).isEqualTo(
                new ServerVersionCheck.Incompatible(PgServerVersion.UNKNOWN, PgServerVersion.of(160001)));
    }

    @Test
    void timelineStatusChecksAgainstWhatItRecorded() {
        TimelineStatus recorded = Fixtures.timelineStatus();
        int major = recorded.recordedServerVersion().majorNumber();
        TimelineStatus withoutPgInfo = new TimelineStatus(Fixtures.TENANT, Fixtures.TIMELINE, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(recorded.checkServerVersion(PgServerVersion.of(major * 10000 + 9)).isCompatible()).isTrue();
        assertThat(recorded.checkServerVersion(PgServerVersion.of((major == 14 ? 15 : 14) * 10000)).isCompatible()).isFalse();
        assertThat(withoutPgInfo.checkServerVersion(PgServerVersion.of(140005)).isCompatible()).isTrue();
    }
}
