package io.neonops.controlplane.etcd;

/** What {@link EtcdMembershipClient#ensureMember} found or did. */
public sealed interface MemberAddition {

    /** The member with the requested peer URL. */
    EtcdMember member();

    /** The cluster did not know the peer URL: it was added, and the member may start now. */
    record Added(EtcdMember member) implements MemberAddition {
    }

    /** The cluster already had a member with the peer URL (started or not): nothing was changed. */
    record AlreadyMember(EtcdMember member) implements MemberAddition {
    }
}
