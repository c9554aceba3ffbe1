package io.neonops.operator.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A kubeconfig file named on the command line, checked before fabric8 reads it so that errors name the file. */
public final class KubeconfigFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String KIND = "Config";

    private KubeconfigFile() {
    }

    public static Config load(Path file) throws OperatorStartException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new OperatorStartException("kubeconfig " + file + ": no such file");
        } catch (IOException e) {
            throw new OperatorStartException("kubeconfig " + file + ": cannot read: " + e.getMessage());
        }
        JsonNode document;
        try {
            document = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new OperatorStartException("kubeconfig " + file + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (document == null || !document.isObject()) {
            throw new OperatorStartException("kubeconfig " + file + ": expected a kubeconfig (kind: Config)");
        }
        String kind = document.path("kind").asText(KIND);
        if (!KIND.equals(kind)) {
            throw new OperatorStartException("kubeconfig " + file + ": expected kind Config, got \"" + kind + "\"");
        }
        requireCurrentContext(file, document);
        try {
            return Config.fromKubeconfig(file.toFile());
        } catch (KubernetesClientException e) {
            throw new OperatorStartException("kubeconfig " + file + ": " + e.getMessage());
        }
    }

    /**
     * A current-context that names no context would make fabric8 fall back to defaults silently, and the failure
     * would come later as an unrelated connection error.
     */
    private static void requireCurrentContext(Path file, JsonNode document) throws OperatorStartException {
        String current = document.path("current-context").asText("");
        if (current.isEmpty()) {
            return;
        }
        List<String> contexts = new ArrayList<>();
        document.path("contexts").forEach(context -> contexts.add(context.path("name").asText("")));
        if (!contexts.contains(current)) {
            throw new OperatorStartException("kubeconfig " + file + ": current-context \"" + current
                    + "\" is not one of its contexts (" + (contexts.isEmpty() ? "it has none" : String.join(", ", contexts))
                    + ")");
        }
    }
}
