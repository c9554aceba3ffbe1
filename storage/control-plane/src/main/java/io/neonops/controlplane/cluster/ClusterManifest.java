package io.neonops.controlplane.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A NeonCluster manifest as a user keeps it in git (the file {@code kubectl apply} takes), read without any
 * Kubernetes library so that local mode can run the very same file.
 *
 * @param source where it came from, for error messages
 * @param document the whole manifest
 * @param spec the resolved spec
 */
public record ClusterManifest(String source, JsonNode document, ClusterSpec spec) {

    public static final String API_VERSION = "neonops.io/v1alpha1";
    public static final String KIND = "NeonCluster";
    public static final String DEFAULT_NAMESPACE = "default";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Reads and validates a manifest file; every problem is an exception naming the file and the field. */
    public static ClusterManifest read(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException(file + ": no such file");
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static ClusterManifest parse(String yaml, String source) throws ManifestException {
        JsonNode document;
        try {
            document = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ManifestException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ManifestException(source + ": cannot read: " + e.getMessage());
        }
        if (document == null || document.isMissingNode() || !document.isObject()) {
            throw new ManifestException(source + ": expected a NeonCluster manifest (a YAML mapping)");
        }
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        if (!KIND.equals(kind) || !API_VERSION.equals(apiVersion)) {
            throw new ManifestException(source + ": expected apiVersion " + API_VERSION + " and kind " + KIND
                    + ", got apiVersion \"" + apiVersion + "\" and kind \"" + kind + "\"");
        }
        JsonNode metadata = document.path("metadata");
        String name = metadata.path("name").asText("");
        String namespace = metadata.path("namespace").asText(DEFAULT_NAMESPACE);
        try {
            return new ClusterManifest(source, document, ClusterSpecParser.parse(name, namespace, document.path("spec")));
        } catch (InvalidClusterSpecException e) {
            throw new ManifestException(source + ": invalid NeonCluster: " + e.getMessage());
        }
    }

    /** The manifest as JSON text, e.g. to keep a copy of what local mode started. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed manifest always serializes", e);
        }
    }
}
