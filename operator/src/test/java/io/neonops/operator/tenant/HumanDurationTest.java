package io.neonops.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void readsNeonsSpellingsOfDurations() {
        assertThat(HumanDuration.parse("7 days")).contains(Duration.ofDays(7));
        assertThat(HumanDuration.parse("7days")).contains(Duration.ofDays(7));
        assertThat(HumanDuration.parse("1h 30m")).contains(Duration.ofMinutes(90));
        assertThat(HumanDuration.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(HumanDuration.parse("2w")).contains(Duration.ofDays(14));
    }

    @Test
    void refusesWhatIsNoDuration() {
        assertThat(HumanDuration.parse("soon")).isEmpty();
        assertThat(HumanDuration.parse("7")).isEmpty();
        assertThat(HumanDuration.parse("")).isEmpty();
        assertThat("1h".matches(HumanDuration.PATTERN)).isTrue();
        assertThat("1 hour".matches(HumanDuration.PATTERN)).isTrue();
        assertThat("1 fortnight".matches(HumanDuration.PATTERN)).isFalse();
    }

    @Test
    void twoSpellingsOfOneDurationAreTheSameSettingSoTheEchoOfTheStorageControllerIsNoChange() {
        assertThat(HumanDuration.same(Optional.of("7 days"), Optional.of("7days"))).isTrue();
        assertThat(HumanDuration.same(Optional.of("60m"), Optional.of("1h"))).isTrue();
        assertThat(HumanDuration.same(Optional.of("1h"), Optional.of("2h"))).isFalse();
        assertThat(HumanDuration.same(Optional.of("1h"), Optional.empty())).isFalse();
        assertThat(HumanDuration.same(Optional.empty(), Optional.empty())).isTrue();
    }
}
