package io.neonops.controlplane.etcd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One member of an etcd cluster as its v3 gateway lists it. A member that was added but has not started yet has
 * no name and no client URLs.
 *
 * @param id         the member's id, a 64-bit unsigned number in decimal, as the gateway writes it
 * @param name       the member's {@code --name}; empty until it has started
 * @param peerUrls   where its peers reach it
 * @param clientUrls where clients reach it; empty until it has started
 */
public record EtcdMember(
        @JsonProperty("ID") String id,
        @JsonProperty("name") String name,
        @JsonProperty("peerURLs") List<String> peerUrls,
        @JsonProperty("clientURLs") List<String> clientUrls) {

    public EtcdMember {
        // the gateway leaves out empty fields
        id = Objects.requireNonNullElse(id, "");
        name = Objects.requireNonNullElse(name, "");
        peerUrls = peerUrls == null ? List.of() : List.copyOf(peerUrls);
        clientUrls = clientUrls == null ? List.of() : List.copyOf(clientUrls);
    }

    /** Whether the member has started and joined: etcd learns its name only from the member itself. */
    public boolean started() {
        return !name.isEmpty();
    }
}
