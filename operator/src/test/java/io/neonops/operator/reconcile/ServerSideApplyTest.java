package io.neonops.operator.reconcile;

import static io.neonops.operator.testing.SpecFixtures.OWNER;
import static io.neonops.operator.testing.SpecFixtures.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.neonops.operator.resources.ClusterResources;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the production write path sends: a server-side apply of the full intent. The CRUD mock cannot apply,
 * so this mock records the request and answers with the object, as a real API server does.
 */
@EnableKubernetesMockClient
class ServerSideApplyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final ClusterResources DESIRED = resources("");

    KubernetesMockServer server;
    KubernetesClient client;

    private static String path(HasMetadata object, String plural) {
        String group = object.getApiVersion().contains("/") ? "/apis/" + object.getApiVersion() : "/api/" + object.getApiVersion();
        return group + "/namespaces/" + object.getMetadata().getNamespace() + "/" + plural + "/"
                + object.getMetadata().getName();
    }

    /** Answers an apply of {@code object} as the server would, with the object, and returns the recorded request. */
    private RecordedRequest applied(HasMetadata object, String plural, Runnable write) throws InterruptedException {
        server.expect().patch().withPath(path(object, plural) + "?fieldManager=neon-operator&force=true")
                .andReturn(200, object).once();
        write.run();
        return server.takeRequest(10, TimeUnit.SECONDS);
    }

    private static void assertIsForcedApplyOfTheFullIntent(RecordedRequest request, HasMetadata desired)
            throws IOException {
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
        assertThat(URI.create(request.getPath()).getQuery()).isEqualTo("fieldManager=neon-operator&force=true");
        JsonNode body = YAML.readTree(request.getUtf8Body());
        assertThat(body).isEqualTo(YAML.readTree(JSON.asJson(desired)));
        assertThat(body.path("apiVersion").asText()).isEqualTo(desired.getApiVersion());
        assertThat(body.path("kind").asText()).isEqualTo(desired.getKind());
        assertThat(body.path("metadata").path("name").asText()).isEqualTo(desired.getMetadata().getName());
    }

    @Test
    void createIsAForcedApplyOfTheFullIntent() throws Exception {
        Pod pod = DESIRED.pods().get(0);
        ResourceWriter writer = ResourceWriter.of(client, true);

        RecordedRequest request = applied(pod, "pods", () -> writer.create(pod));

        assertIsForcedApplyOfTheFullIntent(request, pod);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void updateIsAForcedApplyOfTheFullIntentNotADiff() throws Exception {
        Service service = DESIRED.services().get(0);
        ResourceWriter writer = ResourceWriter.of(client, true);

        RecordedRequest request = applied(service, "services", () -> writer.update(service, service, OWNER));

        assertIsForcedApplyOfTheFullIntent(request, service);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
