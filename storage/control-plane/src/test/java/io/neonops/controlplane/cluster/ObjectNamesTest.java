package io.neonops.controlplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectNamesTest {

    @Test
    void acceptsDnsSubdomains() {
        assertThat(ObjectNames.isValid("neon-keys")).isTrue();
        assertThat(ObjectNames.isValid("s3.credentials-2")).isTrue();
        assertThat(ObjectNames.isValid("a".repeat(ObjectNames.MAX_LENGTH))).isTrue();
    }

    @Test
    void refusesWhatTheApiServerRefuses() {
        assertThat(ObjectNames.isValid("")).isFalse();
        assertThat(ObjectNames.isValid("Keys")).isFalse();
        assertThat(ObjectNames.isValid("-keys")).isFalse();
        assertThat(ObjectNames.isValid("keys-")).isFalse();
        assertThat(ObjectNames.isValid("keys/1")).isFalse();
        assertThat(ObjectNames.isValid("a..b")).isFalse();
        assertThat(ObjectNames.isValid("keys\n")).isFalse();
        assertThat(ObjectNames.isValid("a".repeat(ObjectNames.MAX_LENGTH + 1))).isFalse();
    }
}
