package io.neonops.operator.etcd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The etcd member that joins next when the cluster grows beyond its bootstrap members: the lowest index whose pod
 * is missing. Its pod is created only once the running cluster knows its peer URL; the pods of later members wait,
 * so that members join one at a time, in index order, as their command lines assume.
 *
 * @param index      the member's index, at least the number of bootstrap members
 * @param pod        the member's pod name
 * @param peerUrl    the peer URL the member advertises, which the cluster is told when it is added
 * @param clientUrls where members {@code 0..index-1} serve clients: where to ask for the membership change
 * @param waitsFor   why the cluster cannot take the member now; empty when it can
 * @param later      the missing pods of later members, which are not created in this pass
 */
public record NextMember(int index, String pod, String peerUrl, List<String> clientUrls, Optional<AddWait> waitsFor, List<String> later) {

    public NextMember {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(peerUrl, "peerUrl");
        Objects.requireNonNull(waitsFor, "waitsFor");
        clientUrls = List.copyOf(clientUrls);
        later = List.copyOf(later);
    }
}
