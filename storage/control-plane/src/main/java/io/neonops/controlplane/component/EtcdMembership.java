package io.neonops.controlplane.component;

import io.neonops.controlplane.cluster.ClusterSpec;

/**
 * How many etcd members bootstrapped the cluster together. Those members start as a new cluster that lists them
 * all; a member added later must first be added to the running cluster, then starts as {@code existing} and lists
 * the members that exist by then: itself and every member before it. So a member's command line never depends on
 * how many members were added after it, and growing {@code spec.etcd.replicas} leaves existing members alone.
 *
 * @param bootstrapMembers the members {@code 0..bootstrapMembers-1} that bootstrapped the cluster
 */
public record EtcdMembership(int bootstrapMembers) {

    public static final String STATE_NEW = "new";
    public static final String STATE_EXISTING = "existing";

    public EtcdMembership {
        if (bootstrapMembers < 1) {
            throw new IllegalArgumentException("etcd bootstrap members must be at least 1, got " + bootstrapMembers);
        }
    }

    /**
     * A cluster whose members all bootstrap together: a new cluster, and local mode always. A cluster on the storage
     * broker has no etcd member this could apply to, so it gets the smallest membership.
     */
    public static EtcdMembership bootstrapAll(ClusterSpec cluster) {
        return new EtcdMembership(Math.max(1, cluster.etcd().replicas()));
    }

    /** Whether member {@code index} is one of the members that bootstrapped the cluster. */
    public boolean bootstraps(int index) {
        return index < bootstrapMembers;
    }

    /** {@code --initial-cluster-state} of member {@code index}. */
    public String initialClusterState(int index) {
        return bootstraps(index) ? STATE_NEW : STATE_EXISTING;
    }

    /**
     * How many members, from member 0 on, member {@code index}'s {@code --initial-cluster} lists: all bootstrap
     * members, or for a member added later the members that exist when it joins (members are added one at a time,
     * in index order).
     */
    public int initialClusterSize(int index) {
        return bootstraps(index) ? bootstrapMembers : index + 1;
    }
}
