package io.neonops.controlplane.registration;

import java.util.List;

import io.neonops.storage.common.NodeId;

/** What registering safekeepers came to, one outcome per safekeeper, in the order given. */
public record SafekeeperRegistrationReport(List<Outcome> outcomes) {

    public SafekeeperRegistrationReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Nothing could be registered, each of {@code ids} for the same {@code reason} (the list could not be read). */
    public static SafekeeperRegistrationReport allFailed(List<NodeId> ids, String reason) {
        return new SafekeeperRegistrationReport(ids.stream().<Outcome>map(id -> new Outcome.Failed(id, reason)).toList());
    }

    /** One safekeeper's registration. */
    public sealed interface Outcome {
        NodeId id();

        /** The storage controller already knew it as wanted, and Active: nothing was sent. */
        record AlreadyRegistered(NodeId id) implements Outcome {
        }

        /** Registered (or its record updated) and set Active now. */
        record Registered(NodeId id) implements Outcome {
        }

        /** The storage controller did not take it; {@code reason} names the call and its answer. */
        record Failed(NodeId id, String reason) implements Outcome {
        }
    }

    /** The ids the storage controller now knows as wanted, in order. */
    public List<NodeId> registered() {
        return outcomes.stream().filter(o -> !(o instanceof Outcome.Failed)).map(Outcome::id).toList();
    }

    public boolean complete() {
        return registered().size() == outcomes.size();
    }

    /** {@code 2/3 safekeepers registered; safekeeper 2: <reason>}. */
    public String summary() {
        return registered().size() + "/" + outcomes.size() + " safekeepers registered" + failures();
    }

    /** {@code ; safekeeper 2: <reason>} for each one not registered; empty when all are. */
    public String failures() {
        StringBuilder failures = new StringBuilder();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Failed failed) {
                failures.append("; safekeeper ").append(failed.id().value()).append(": ").append(failed.reason());
            }
        }
        return failures.toString();
    }
}
