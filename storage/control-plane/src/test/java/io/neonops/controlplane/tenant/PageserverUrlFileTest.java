package io.neonops.controlplane.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageserverUrlFileTest {

    @TempDir
    Path dir;

    private final PageserverUrlFile locator = new PageserverUrlFile();

    @Test
    void readsTheUrlIgnoringSurroundingWhitespace() throws Exception {
        Files.writeString(dir.resolve("pageserver.url"), "  http://127.0.0.1:9898\n");

        assertThat(locator.locate(dir)).isEqualTo(URI.create("http://127.0.0.1:9898"));
    }

    @Test
    void missingFileSaysToPassPageserverOrStartTheCluster() {
        assertThatThrownBy(() -> locator.locate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no pageserver found: " + dir.resolve("pageserver.url")
                        + " does not exist; pass --pageserver URL or start the local cluster in " + dir);
    }

    @Test
    void emptyOrInvalidFileIsNamed() throws Exception {
        Path file = dir.resolve("pageserver.url");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> locator.locate(dir)).hasMessage(file + " is empty: expected the pageserver URL, e.g. http://127.0.0.1:9898");

        Files.writeString(file, "127.0.0.1:9898");
        assertThatThrownBy(() -> locator.locate(dir)).hasMessage(file + ": invalid API URL \"127.0.0.1:9898\": expected http://host:port");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsAReadError() throws Exception {
        Files.createDirectory(dir.resolve("pageserver.url"));

        assertThatThrownBy(() -> locator.locate(dir)).hasMessageStartingWith("cannot read " + dir.resolve("pageserver.url"));
    }
}
