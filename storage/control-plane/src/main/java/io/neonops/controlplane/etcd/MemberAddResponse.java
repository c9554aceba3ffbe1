package io.neonops.controlplane.etcd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of {@code /v3/cluster/member/add}'s answer the client reads: the member it added. */
record MemberAddResponse(@JsonProperty("member") EtcdMember member) {

    MemberAddResponse {
        if (member == null) {
            throw new IllegalArgumentException("the answer names no added member");
        }
    }
}
