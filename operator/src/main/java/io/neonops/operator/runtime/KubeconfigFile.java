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
        try {
            return Config.fromKubeconfig(file.toFile());
        } catch (KubernetesClientException e) {
            throw new OperatorStartException("kubeconfig " + file + ": " + e.getMessage());
        }
    }
}
