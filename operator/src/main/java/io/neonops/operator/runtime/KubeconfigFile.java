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
import java.util.stream.Collectors;

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
     * The kubeconfig files fabric8 reads by itself (KUBECONFIG, or ~/.kube/config), checked as {@link #load} checks
     * a named one for its current-context; a file that is not YAML is left to fabric8's own error.
     */
    public static void checkDefaultFiles() throws OperatorStartException {
        List<Path> files = Config.getKubeconfigFilenames().stream().map(Path::of).filter(Files::isRegularFile).toList();
        String current = "";
        List<String> contexts = new ArrayList<>();
        for (Path file : files) {
            JsonNode document;
            try {
                document = YAML.readTree(Files.readString(file));
            } catch (IOException e) {
                return;
            }
            if (document == null || !document.isObject()) {
                return;
            }
            // merged as kubectl merges them: the first current-context set wins, contexts add up
            current = current.isEmpty() ? document.path("current-context").asText("") : current;
            document.path("contexts").forEach(context -> contexts.add(context.path("name").asText("")));
        }
        requireContext(files.stream().map(Path::toString).collect(Collectors.joining(":")), current, contexts);
    }

    /**
     * A current-context that names no context would make fabric8 fall back to defaults silently, and the failure
     * would come later as an unrelated connection error.
     */
    private static void requireCurrentContext(Path file, JsonNode document) throws OperatorStartException {
        List<String> contexts = new ArrayList<>();
        document.path("contexts").forEach(context -> contexts.add(context.path("name").asText("")));
        requireContext(file.toString(), document.path("current-context").asText(""), contexts);
    }

    private static void requireContext(String files, String current, List<String> contexts) throws OperatorStartException {
        if (!current.isEmpty() && !contexts.contains(current)) {
            throw new OperatorStartException("kubeconfig " + files + ": current-context \"" + current
                    + "\" is not one of its contexts (" + (contexts.isEmpty() ? "it has none" : String.join(", ", contexts))
                    + ")");
        }
    }
}
