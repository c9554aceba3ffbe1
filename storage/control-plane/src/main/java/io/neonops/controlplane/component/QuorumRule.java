package io.neonops.controlplane.component;

/** What taking one node of a kind down must not break, which the roll and the disruption budgets respect. */
public enum QuorumRule {
    /** Nothing: the node's data is elsewhere (remote storage) or it holds none. */
    NONE,
    /**
     * The other Ready members must stay a majority of all members (etcd). A single member has no quorum to keep:
     * taking it down means a short outage that its clients ride out, and forbidding it would forbid upgrades.
     */
    MAJORITY,
    /**
     * Every other member must be Ready (safekeepers): a timeline's WAL needs a majority of its safekeepers, and
     * which ones hold it is not known here, so no second one may be down.
     */
    ALL_OTHERS_READY
}
