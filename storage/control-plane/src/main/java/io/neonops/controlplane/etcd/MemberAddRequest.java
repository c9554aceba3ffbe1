package io.neonops.controlplane.etcd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code /v3/cluster/member/add}. */
record MemberAddRequest(@JsonProperty("peerURLs") List<String> peerUrls) {
}
