package io.neonops.controlplane.tenant;

import java.net.URI;
import java.nio.file.Path;

/** Finds the management URL of the pageserver of the local cluster kept in a work directory. */
public interface PageserverLocator {

    /**
     * The pageserver's HTTP base URL, e.g. {@code http://127.0.0.1:9898}.
     *
     * @throws IllegalStateException with a one-line message saying what is missing and what to do
     */
    URI locate(Path workDir);
}
