package io.neonops.controlplane.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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

    /** Larger than any real manifest, small enough that reading one never strains memory. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Longer than any value a NeonCluster holds (an image, a secret name, a config value). */
    public static final int MAX_SCALAR_LENGTH = 64 * 1024;

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    // ObjectMeta, as `kubectl get -o yaml` prints it
    private static final Set<String> METADATA_FIELDS = Set.of("name", "namespace", "labels", "annotations", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "finalizers", "ownerReferences", "managedFields", "generateName", "selfLink");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_NAMESPACE_LENGTH = 63;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /** Reads and validates a manifest file holding one NeonCluster; every problem names the file and the field. */
    public static ClusterManifest read(Path file) throws ManifestException {
        return parse(readText(file), file.toString());
    }

    /**
     * The text of a manifest file, refused before reading unless it is a regular file of at most {@link #MAX_BYTES}
     * of UTF-8 ({@code /dev/zero}, a directory or a pipe would otherwise be read without end).
     */
    public static String readText(Path file) throws ManifestException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ManifestException(file + ": no such file");
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + reason(e));
        }
        if (!attributes.isRegularFile()) {
            throw new ManifestException(file + ": not a regular file (" + (attributes.isDirectory() ? "a directory"
                    : "a device, pipe or socket") + "); a manifest is a YAML file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(file.toString(), attributes.size() + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.toString());
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + reason(e));
        }
    }

    /** A manifest from a stream (standard input), read no further than {@link #MAX_BYTES}. */
    public static String decode(InputStream in, String source) throws IOException, ManifestException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, "over " + MAX_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ManifestException(source + ": not UTF-8 text; a manifest is a YAML file");
        }
    }

    private static ManifestException tooLarge(String source, String size) {
        return new ManifestException(source + ": " + size + ", more than the " + MAX_BYTES
                + " bytes (1 MiB) a manifest may have");
    }

    /** The reason of a failed file operation: the system's message, without the path Java puts before it. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage();
    }

    /** The single NeonCluster of a manifest; a stream of several is refused, never silently cut to the first. */
    public static ClusterManifest parse(String yaml, String source) throws ManifestException {
        List<ClusterManifest> clusters = parseAll(yaml, source);
        if (clusters.size() > 1) {
            throw new ManifestException(source + ": holds " + clusters.size() + " NeonClusters ("
                    + clusters.stream().map(c -> c.spec().name()).collect(Collectors.joining(", "))
                    + "); one cluster is expected here: give a file with one");
        }
        return clusters.get(0);
    }

    /** Every NeonCluster of a manifest (a YAML stream of one or more documents; empty documents are skipped). */
    public static List<ClusterManifest> parseAll(String yaml, String source) throws ManifestException {
        List<JsonNode> documents = new ArrayList<>();
        // one root value per document; a reader of "values" would unwrap a root-level list instead
        try (JsonParser parser = YAML.createParser(yaml)) {
            while (parser.nextToken() != null) {
                JsonNode document = YAML.readTree(parser);
                // an empty document ("---" at the end) reads as an empty scalar
                if (!SpecReader.absent(document) && !(document.isTextual() && document.asText().isEmpty())) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            throw new ManifestException(source + ": not valid YAML: " + yamlProblem(e));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML's own limits (document size) surface as runtime exceptions
            throw new ManifestException(source + ": not valid YAML: " + e.getMessage());
        }
        if (documents.isEmpty()) {
            throw new ManifestException(source + ": expected a NeonCluster manifest (a YAML mapping), got an empty file");
        }
        List<ClusterManifest> clusters = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            clusters.add(document(documents.get(i), documents.size() == 1 ? source : source + " (document " + (i + 1) + ")"));
        }
        return List.copyOf(clusters);
    }

    /**
     * One line saying what is wrong and where: SnakeYAML's own message spans several lines (a context, the problem,
     * each with an excerpt and a caret).
     */
    private static String yamlProblem(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem()
                        + " (line " + (marked.getProblemMark().getLine() + 1) + ")";
            }
        }
        return e.getOriginalMessage().lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" ")) + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")");
    }

    /** Keys and values longer than {@link #MAX_SCALAR_LENGTH}, refused before any of them is used or printed. */
    private static void rejectLongScalars(SpecReader reader, JsonNode node, String path) {
        if (node.isTextual() && node.asText().length() > MAX_SCALAR_LENGTH) {
            reader.error(path, "is " + node.asText().length() + " characters long, more than the " + MAX_SCALAR_LENGTH
                    + " a value may have");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectLongScalars(reader, node.get(i), path + "[" + i + "]");
            }
        }
        node.properties().forEach(field -> {
            String key = field.getKey();
            if (key.length() > MAX_SCALAR_LENGTH) {
                reader.error(path.isEmpty() ? "<key>" : path + ".<key>", "is " + key.length() + " characters long, more than the "
                        + MAX_SCALAR_LENGTH + " a key may have");
            } else {
                rejectLongScalars(reader, field.getValue(), path.isEmpty() ? key : path + "." + key);
            }
        });
    }

    private static ClusterManifest document(JsonNode document, String source) throws ManifestException {
        if (!document.isObject()) {
            throw new ManifestException(source + ": expected a NeonCluster manifest (a YAML mapping)");
        }
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        if (!KIND.equals(kind) || !API_VERSION.equals(apiVersion)) {
            throw new ManifestException(source + ": expected apiVersion " + API_VERSION + " and kind " + KIND
                    + ", got apiVersion \"" + apiVersion + "\" and kind \"" + kind + "\"");
        }
        SpecReader reader = new SpecReader();
        rejectLongScalars(reader, document, "");
        if (!reader.errors().isEmpty()) {
            throw new ManifestException(source + ": invalid NeonCluster: " + new InvalidClusterSpecException(reader.errors()).getMessage());
        }
        reader.rejectUnknown(document, "", TOP_LEVEL_FIELDS);
        JsonNode metadata = reader.object(document, "metadata", "metadata", METADATA_FIELDS);
        String name = metadata.path("name").asText("");
        String namespace = reader.string(metadata, "namespace", "metadata.namespace").orElse(DEFAULT_NAMESPACE);
        if (!DNS_LABEL.matcher(namespace).matches() || namespace.length() > MAX_NAMESPACE_LENGTH) {
            reader.error("metadata.namespace", "must be a DNS label (lower-case letters, digits and '-', starting and"
                    + " ending with a letter or digit, at most " + MAX_NAMESPACE_LENGTH + " characters), got \""
                    + namespace + "\"");
        }
        reader.stringMap(metadata, "labels", "metadata.labels");
        reader.stringMap(metadata, "annotations", "metadata.annotations");
        try {
            if (!reader.errors().isEmpty()) {
                throw new InvalidClusterSpecException(reader.errors());
            }
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
