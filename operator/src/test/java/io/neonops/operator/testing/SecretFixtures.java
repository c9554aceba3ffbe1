package io.neonops.operator.testing;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Secrets as the API server stores them: {@code data} values base64-encoded. */
public final class SecretFixtures {

    private SecretFixtures() {
    }

    /** A Secret with one key whose stored (already encoded) value is {@code data}. */
    public static Secret secret(String name, String key, String data) {
        return new SecretBuilder().withNewMetadata().withName(name).endMetadata().addToData(key, data).build();
    }

    /** A Secret with two keys. */
    public static Secret secret(String name, String key, String data, String otherKey, String otherData) {
        return new SecretBuilder(secret(name, key, data)).addToData(otherKey, otherData).build();
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
