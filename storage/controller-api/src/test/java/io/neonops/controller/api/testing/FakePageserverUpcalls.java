package io.neonops.controller.api.testing;

import io.neonops.controller.api.PageserverMetadata;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.ApiRequest;
import io.neonops.storage.common.api.NeonApiTransport;
import io.neonops.storage.common.api.NeonJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a modern pageserver says to its storage controller, for tests that simulate pageservers: on start,
 * the re-attach upcall with its node id and, from {@code metadata.json}, its addresses, ports and zone
 * (self-registration); before deleting remote data, the validate upcall.
 */
public final class FakePageserverUpcalls {

    private static final Pattern IDENTITY = Pattern.compile("(?m)^\\s*id\\s*=\\s*(\\d+)\\s*$");

    private final NeonApiTransport transport;

    /**
     * @param controlPlaneApi the pageserver's {@code control_plane_api}, e.g. {@code http://host:1234/upcall/v1/}
     * @param token           its {@code control_plane_api_token} (scope {@code generations_api}), if any
     */
    public FakePageserverUpcalls(URI controlPlaneApi, Optional<String> token) {
        ApiClientSettings settings = ApiClientSettings.of(controlPlaneApi);
        this.transport = new NeonApiTransport(token.map(settings::withBearerToken).orElse(settings));
    }

    /**
     * The start of a pageserver: re-attach, registering itself when it has a {@code metadata.json}.
     *
     * @param fallbackZone {@code availability_zone} of its {@code pageserver.toml}
     */
    public ReAttachResponse reAttach(NodeId nodeId, Optional<PageserverMetadata> metadata, Optional<String> fallbackZone,
            boolean emptyLocalDisk) {
        var request = new ReAttachRequest(nodeId, metadata.map(m -> m.registerRequest(nodeId, fallbackZone)),
                Optional.of(emptyLocalDisk));
        return transport.send(ApiRequest.post("/re-attach", request), ReAttachResponse.class);
    }

    /**
     * The start of a pageserver from its work directory: the node id from {@code identity.toml}, the
     * registration from {@code metadata.json} when that file exists, an empty local disk when there is no
     * {@code tenants} directory.
     */
    public ReAttachResponse startFrom(Path workdir, Optional<String> fallbackZone) {
        try {
            var identity = IDENTITY.matcher(Files.readString(workdir.resolve("identity.toml")));
            if (!identity.find()) {
                throw new IllegalArgumentException(workdir.resolve("identity.toml") + ": no line id=<node id>");
            }
            Path metadataFile = workdir.resolve("metadata.json");
            Optional<PageserverMetadata> metadata = Files.exists(metadataFile)
                    ? Optional.of(NeonJson.reader().forType(PageserverMetadata.class).readValue(metadataFile.toFile()))
                    : Optional.empty();
            return reAttach(NodeId.parse(identity.group(1)), metadata, fallbackZone, !Files.isDirectory(workdir.resolve("tenants")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pageserver files in " + workdir, e);
        }
    }

    /** Whether the pageserver still holds the newest generation of these shards. */
    public ValidateResponse validate(List<ValidateRequest.Shard> shards) {
        return transport.send(ApiRequest.post("/validate", new ValidateRequest(shards)), ValidateResponse.class);
    }
}
