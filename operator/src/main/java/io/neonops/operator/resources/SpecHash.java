package io.neonops.operator.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.neonops.storage.common.PgMajorVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash of what a pod runs: its spec, the configuration files copied into its data directory, and the
 * Postgres majors it serves. A pod needs a restart exactly when the hash it was created with differs from the
 * desired one.
 */
public final class SpecHash {

    public static final String ANNOTATION = "neonops.io/spec-hash";

    /** Sorted keys make the text, and so the hash, independent of map and field order. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final int HEX_LENGTH = 16;

    private SpecHash() {
    }

    /**
     * @param postgresMajors the majors the pod serves from {@code pg_distrib_dir}; none for pods that serve none.
     *                       They are hashed apart from the spec because the pod's spec and files name only the
     *                       directory, which stays the same when a major is added to it.
     */
    public static String of(PodSpec spec, Map<String, String> configFiles, List<PgMajorVersion> postgresMajors) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("configFiles", configFiles);
        hashed.put("postgresMajors", postgresMajors.stream().map(PgMajorVersion::major).sorted().toList());
        hashed.put("spec", spec);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(hashed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_LENGTH);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pod spec always serializes", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
