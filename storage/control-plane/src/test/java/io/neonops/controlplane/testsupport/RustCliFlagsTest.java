package io.neonops.controlplane.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RustCliFlagsTest {
    private static final RustCliFlags.Declaration FLAGS = RustCliFlags.Declaration.of(List.of("--listen", "--database-url"),
            List.of("--dev"), Map.of("-l", "--listen"));

    @Test
    void valuesComeSeparateOrAfterAnEqualsSignUnderTheirLongName() throws Exception {
        RustCliFlags flags = FLAGS.parse(new String[] {"-l", "127.0.0.1:1234", "--database-url=postgresql://u@h:1/d", "--dev"});

        assertThat(flags.value("--listen")).contains("127.0.0.1:1234");
        assertThat(flags.value("--database-url")).contains("postgresql://u@h:1/d");
        assertThat(flags.has("--dev")).isTrue();
        assertThat(flags.value("--public-key")).isEqualTo(Optional.empty());
    }

    @Test
    void anUndeclaredOptionIsAnErrorAsInClap() {
        assertThatThrownBy(() -> FLAGS.parse(new String[] {"--dev", "--neon-region", "x"}))
                .isInstanceOf(RustCliFlags.UsageException.class)
                .hasMessage("error: unexpected argument '--neon-region' found");
    }

    @Test
    void anOptionWithoutItsValueIsAnError() {
        assertThatThrownBy(() -> FLAGS.parse(new String[] {"--listen"}))
                .isInstanceOf(RustCliFlags.UsageException.class)
                .hasMessage("error: a value is required for '--listen' but none was supplied");
    }
}
