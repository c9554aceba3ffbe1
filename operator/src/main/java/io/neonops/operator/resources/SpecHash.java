package io.neonops.operator.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.neonops.storage.common.PgMajorVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of what a pod runs: its spec, the configuration files copied into its data directory, and the
 * Postgres majors it serves. A pod needs a restart exactly when the hash it was created with differs from the
 * desired one. The spec is hashed in its {@link ApiForm#canonical} form (Kubernetes field names, zero values
 * left out, quantities by value, keys sorted), so neither a fabric8 upgrade that renders an unset field
 * differently nor writing {@code 1024Mi} for {@code 1Gi} restarts a pod; fields the API server adds to a
 * running pod never enter it, as only the desired spec is hashed.
 */
public final class SpecHash {

    public static final String ANNOTATION = "neonops.io/spec-hash";

    private static final int HEX_LENGTH = 16;

    private SpecHash() {
    }

    /**
     * @param postgresMajors the majors the pod serves from {@code pg_distrib_dir}; none for pods that serve none.
     *                       They are hashed apart from the spec because the pod's spec and files name only the
     *                       directory, which stays the same when a major is added to it.
     */
    public static String of(PodSpec spec, Map<String, String> configFiles, List<PgMajorVersion> postgresMajors) {
        ObjectNode hashed = JsonNodeFactory.instance.objectNode();
        ObjectNode files = hashed.putObject("configFiles");
        new TreeMap<>(configFiles).forEach(files::put);
        ArrayNode majors = hashed.putArray("postgresMajors");
        postgresMajors.stream().map(PgMajorVersion::major).sorted().forEach(majors::add);
        hashed.set("spec", ApiForm.canonical(spec));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hashed.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
