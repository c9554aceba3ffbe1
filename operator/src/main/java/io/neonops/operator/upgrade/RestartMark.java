package io.neonops.operator.upgrade;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the drain/fill restart of one pageserver is, kept as annotations on its data volume claim: the one object of
 * the pageserver that outlives the restart of its pod, so an operator that restarts at any step finds it. Written
 * before the drain is requested and after the fill was accepted, removed once the fill ended.
 *
 * @param stage                  which half of the restart
 * @param since                  when the operator asked for that stage: the drain or fill timeout counts from here
 * @param shardsWithoutSecondary the shards attached to the pageserver that the drain cannot move (no secondary), as
 *                               found before the drain; they go offline while it restarts
 */
public record RestartMark(Stage stage, Instant since, List<String> shardsWithoutSecondary) {

    public static final String STAGE = "neonops.io/pageserver-restart";
    public static final String SINCE = "neonops.io/pageserver-restart-since";
    public static final String SHARDS_WITHOUT_SECONDARY = "neonops.io/shards-without-secondary";
    /** Every annotation of a mark, for removing it. */
    public static final List<String> ANNOTATIONS = List.of(STAGE, SINCE, SHARDS_WITHOUT_SECONDARY);

    public enum Stage {
        /** The drain was (or is about to be) requested; the pod is restarted once the node is PauseForRestart. */
        DRAIN("drain"),
        /** The restarted pageserver's fill was accepted; the restart is over once the node is no longer Filling. */
        FILL("fill");

        private final String word;

        Stage(String word) {
            this.word = word;
        }

        static Optional<Stage> of(String word) {
            for (Stage stage : values()) {
                if (stage.word.equals(word)) {
                    return Optional.of(stage);
                }
            }
            return Optional.empty();
        }
    }

    public RestartMark {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(since, "since");
        shardsWithoutSecondary = List.copyOf(shardsWithoutSecondary);
    }

    /** The annotations that hold this mark; an empty shard list is left out. */
    public Map<String, String> annotations() {
        Map<String, String> annotations = new HashMap<>();
        annotations.put(STAGE, stage.word);
        annotations.put(SINCE, since.toString());
        if (!shardsWithoutSecondary.isEmpty()) {
            annotations.put(SHARDS_WITHOUT_SECONDARY, String.join(",", shardsWithoutSecondary));
        }
        return annotations;
    }

    /**
     * The mark these annotations hold; empty when there is none or it cannot be read (edited by hand): the restart
     * then goes on from what the storage controller shows, as if the operator had not started it.
     */
    public static Optional<RestartMark> read(Map<String, String> annotations) {
        if (annotations == null) {
            return Optional.empty();
        }
        Optional<Stage> stage = Optional.ofNullable(annotations.get(STAGE)).flatMap(Stage::of);
        Optional<Instant> since = Optional.ofNullable(annotations.get(SINCE)).flatMap(RestartMark::instant);
        if (stage.isEmpty() || since.isEmpty()) {
            return Optional.empty();
        }
        String shards = Objects.requireNonNullElse(annotations.get(SHARDS_WITHOUT_SECONDARY), "");
        return Optional.of(new RestartMark(stage.get(), since.get(), shards.isBlank() ? List.of() : List.of(shards.split(","))));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** For messages: how many shards lack a secondary, naming a few. */
    static String describeShards(List<String> shards) {
        int shown = Math.min(3, shards.size());
        String names = String.join(", ", shards.subList(0, shown)) + (shards.size() > shown ? ", ..." : "");
        return shards.size() + (shards.size() == 1 ? " shard" : " shards") + " without a secondary (" + names + ")";
    }
}
