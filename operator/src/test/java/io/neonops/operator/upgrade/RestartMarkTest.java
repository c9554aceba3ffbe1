package io.neonops.operator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The restart mark as the pageserver's claim carries it in annotations. */
class RestartMarkTest {

    private static final Instant SINCE = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aMarkReadsBackFromItsAnnotations() {
        RestartMark mark = new RestartMark(RestartMark.Stage.DRAIN, SINCE, List.of("t1", "t2-0102"));

        assertThat(mark.annotations()).containsEntry(RestartMark.STAGE, "drain")
                .containsEntry(RestartMark.SINCE, "2026-11-30T12:00:00Z")
                .containsEntry(RestartMark.SHARDS_WITHOUT_SECONDARY, "t1,t2-0102");
        assertThat(RestartMark.read(mark.annotations())).contains(mark);
    }

    @Test
    void aFillMarkWithoutShardsLeavesTheShardAnnotationOut() {
        RestartMark mark = new RestartMark(RestartMark.Stage.FILL, SINCE, List.of());

        assertThat(mark.annotations()).doesNotContainKey(RestartMark.SHARDS_WITHOUT_SECONDARY);
        assertThat(RestartMark.read(mark.annotations())).contains(mark);
    }

    @Test
    void noMarkOrOneEditedBeyondReadingIsNone() {
        Map<String, String> unreadable = new HashMap<>(Map.of(RestartMark.STAGE, "drain", RestartMark.SINCE, "yesterday"));
        Map<String, String> nulls = new HashMap<>();
        nulls.put(RestartMark.STAGE, null);
        nulls.put(RestartMark.SINCE, null);

        assertThat(RestartMark.read(null)).isEmpty();
        assertThat(RestartMark.read(Map.of("other", "x"))).isEmpty();
        assertThat(RestartMark.read(unreadable)).isEmpty();
        assertThat(RestartMark.read(Map.of(RestartMark.STAGE, "restart", RestartMark.SINCE, SINCE.toString()))).isEmpty();
        assertThat(RestartMark.read(nulls)).isEmpty();
    }

    @Test
    void messagesNameAFewShardsAndCountThemAll() {
        assertThat(RestartMark.describeShards(List.of("a", "b", "c", "d"))).isEqualTo("4 shards without a secondary (a, b, c, ...)");
        assertThat(RestartMark.describeShards(List.of("a"))).isEqualTo("1 shard without a secondary (a)");
    }
}
