package io.neonops.controlplane.component;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Keys of one of a node's configuration files whose values are credentials: they stay out of the file as the spec and
 * the ConfigMap hold it, and are added from their Secrets where the file is put in place before the daemon starts.
 *
 * @param file   the configuration file, one of the node's {@link ComponentSpec#configFiles()}
 * @param values each TOML key's value, by key
 */
public record SecretConfigKeys(String file, Map<String, EnvValue.FromSecret> values) {

    public SecretConfigKeys {
        Objects.requireNonNull(file, "file");
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        if (values.isEmpty()) {
            throw new IllegalArgumentException(file + ": no secret keys");
        }
    }

    /** The line that adds {@code key} with {@code value} to a TOML file, where the file is put in place. */
    public static String tomlLine(String key, String value) {
        return key + " = " + TomlWriter.value(value) + "\n";
    }
}
