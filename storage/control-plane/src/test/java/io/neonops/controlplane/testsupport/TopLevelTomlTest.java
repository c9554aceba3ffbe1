package io.neonops.controlplane.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TopLevelTomlTest {

    @Test
    void basicAndLiteralStringsAreUnquotedAndOtherValuesKeptAsWritten() {
        TopLevelToml toml = TopLevelToml.parse("# pageserver\ncontrol_plane_api = \"http://127.0.0.1:1234/upcall/v1/\"\n"
                + "listen_http_addr = '127.0.0.1:9898'\nescaped = \"a\\\"b\\\\c\\u00e9\"\n"
                + "remote_storage = {local_path = \"/tmp/x\"}\n[tenant_config]\ncheckpoint_distance = 1\n");

        assertThat(toml.get("control_plane_api")).contains("http://127.0.0.1:1234/upcall/v1/");
        assertThat(toml.get("listen_http_addr")).contains("127.0.0.1:9898");
        assertThat(toml.get("escaped")).contains("a\"b\\c\u00e9");
        assertThat(toml.get("remote_storage")).contains("{local_path = \"/tmp/x\"}");
        assertThat(toml.get("checkpoint_distance")).isEqualTo(Optional.empty());
    }
}
