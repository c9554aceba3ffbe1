package io.neonops.controlplane.component;

import java.util.Objects;

/** The value of one environment variable of a node: written out, or read from a Secret so that it stays out of specs. */
public sealed interface EnvValue {

    record Literal(String value) implements EnvValue {
        public Literal {
            Objects.requireNonNull(value, "value");
        }
    }

    record FromSecret(String secretName, String key) implements EnvValue {
        public FromSecret {
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(key, "key");
        }
    }
}
