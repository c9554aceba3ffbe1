package io.neonops.controlplane.etcd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The part of {@code /v3/cluster/member/list}'s answer the client reads. */
record MemberListResponse(@JsonProperty("members") List<EtcdMember> members) {

    MemberListResponse {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
