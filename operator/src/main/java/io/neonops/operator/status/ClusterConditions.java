package io.neonops.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The three condition types of a NeonCluster and how they are set. */
public final class ClusterConditions {

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    private ClusterConditions() {
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /**
     * {@code conditions} with the one of {@code type} replaced; its transition time moves only when its status
     * changes, so that an unchanged cluster gets an identical status (and no write).
     */
    public static List<Condition> with(List<Condition> conditions, String type, boolean status, String reason,
                                       String message, long generation, Instant now) {
        return with(conditions, conditions, type, status, reason, message, generation, now);
    }

    /**
     * {@code conditions} with the one of {@code type} replaced; its transition time is the one in {@code before}
     * when the status there is the same: for a condition decided over again on top of others computed in the same
     * pass.
     */
    public static List<Condition> with(List<Condition> conditions, List<Condition> before, String type,
                                       boolean status, String reason, String message, long generation, Instant now) {
        String value = status ? TRUE : FALSE;
        String transitionTime = find(before, type)
                .filter(previous -> value.equals(previous.getStatus()) && previous.getLastTransitionTime() != null)
                .map(Condition::getLastTransitionTime)
                .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
        Condition condition = new ConditionBuilder()
                .withType(type)
                .withStatus(value)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transitionTime)
                .build();
        List<Condition> result = new ArrayList<>();
        boolean replaced = false;
        for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
            if (type.equals(c.getType())) {
                result.add(condition);
                replaced = true;
            } else {
                result.add(c);
            }
        }
        if (!replaced) {
            result.add(condition);
        }
        return result;
    }
}
