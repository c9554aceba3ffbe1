package io.neonops.safekeeper.api;

import io.neonops.storage.common.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A timeline's safekeeper membership ({@code mconf}) in modern releases: which safekeepers vote on its WAL.
 * Generation 0 (no members) is a timeline a compute created implicitly, before the storage controller placed
 * timelines; its safekeepers are then whichever the compute names.
 *
 * @param generation bumped on every membership change
 * @param members    the voters
 * @param newMembers the voters being switched to; present only during a migration, when both sets must agree
 */
public record MembershipConfiguration(long generation, List<Member> members, Optional<List<Member>> newMembers) {

    /** One voter; the server also sends its host and port, which nothing here needs. */
    public record Member(NodeId id) {
        public Member {
            Objects.requireNonNull(id, "member id is missing");
        }
    }

    public MembershipConfiguration {
        members = members == null ? List.of() : List.copyOf(members);
        newMembers = newMembers == null ? Optional.empty() : newMembers.map(List::copyOf);
    }

    /** The voter sets whose majorities must each agree: none for a timeline without a configuration. */
    public List<Set<NodeId>> voterSets() {
        List<Set<NodeId>> sets = new ArrayList<>();
        if (!members.isEmpty()) {
            sets.add(ids(members));
        }
        newMembers.filter(m -> !m.isEmpty()).ifPresent(m -> sets.add(ids(m)));
        return sets;
    }

    private static Set<NodeId> ids(List<Member> members) {
        Set<NodeId> ids = new LinkedHashSet<>();
        members.forEach(m -> ids.add(m.id()));
        return ids;
    }
}
