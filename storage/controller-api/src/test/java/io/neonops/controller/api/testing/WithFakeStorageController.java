package io.neonops.controller.api.testing;

import io.neonops.controller.api.Fixtures;
import io.neonops.controller.api.PageserverNode;
import io.neonops.controller.api.StorageControllerClient;
import io.neonops.storage.common.NodeId;
import io.neonops.storage.common.api.ApiClientSettings;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** Base of tests that talk to a {@link FakeStorageController} through the real client; one fake per test. */
public abstract class WithFakeStorageController {

    protected final FakeStorageController controller = FakeStorageController.start();
    protected final StorageControllerClient client = new StorageControllerClient(ApiClientSettings.of(controller.baseUri()));
    protected final FakePageserverUpcalls pageservers = new FakePageserverUpcalls(controller.upcallApi(), Optional.empty());

    @AfterEach
    void stopController() {
        controller.close();
    }

    /** Starts pageservers with these ids (re-attach with {@code metadata.json}) and lets each answer a heartbeat. */
    protected void startPageservers(long... ids) {
        for (long id : ids) {
            restartPageserver(id);
        }
        controller.advance();
    }

    /** What a pageserver does when it (re)starts: the re-attach upcall with its metadata. */
    protected ReAttachResponse restartPageserver(long id) {
        return pageservers.reAttach(NodeId.of(id), Optional.of(Fixtures.metadata(id)), Optional.empty(), false);
    }

    /** The node as a polling client sees it (each poll is one step of background work). */
    protected PageserverNode poll(long id) {
        return client.node(NodeId.of(id)).orElseThrow(() -> new AssertionError("node " + id + " is not registered"));
    }
}
