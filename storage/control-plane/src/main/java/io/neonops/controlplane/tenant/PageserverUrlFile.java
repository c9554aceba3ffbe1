package io.neonops.controlplane.tenant;

import io.neonops.storage.common.api.ApiClientSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the pageserver URL from {@code DIR/pageserver.url}, one line such as {@code http://127.0.0.1:9898}. */
public final class PageserverUrlFile implements PageserverLocator {

    public static final String FILE_NAME = "pageserver.url";

    @Override
    public URI locate(Path workDir) {
        Path file = workDir.resolve(FILE_NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no pageserver found: " + file
                    + " does not exist; pass --pageserver URL or start the local cluster in " + workDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.isEmpty()) {
            throw new IllegalStateException(file + " is empty: expected the pageserver URL, e.g. http://127.0.0.1:9898");
        }
        try {
            return ApiClientSettings.of(text).baseUri();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
