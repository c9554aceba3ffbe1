package io.neonops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ManifestException;
import io.neonops.operator.resources.ApiForm;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.Owner;
import io.neonops.operator.resources.PodMonitors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The desired objects of the example cluster against what a real kube-apiserver (v1.26.4) returned for them
 * ({@code src/test/resources/roundtrip}: {@code render -f examples/neoncluster-etcd.yaml}, applied with
 * {@code kubectl apply --server-side}). The reconciler must see no difference, or it writes on every pass.
 * A kind the operator starts writing needs its {@code returned-KIND-NAME.json} here: the coverage test fails
 * until it has one.
 * <p>
 * The objects of the modern example ({@code examples/neoncluster.yaml}, cluster {@code neon}) were not captured:
 * their {@code returned-*-neon-*.json} are synthetic, the sent objects with the defaulting the reference documents
 * applied (Pod and container defaults, probe defaults, {@code defaultMode}, Service defaults, PVC
 * {@code volumeMode: Filesystem}, Secret {@code type: Opaque} and the data the operator generated at creation).
 */
class RoundTripDriftTest {

    /** The uid the captured objects' owner references carry. */
    private static final Owner OWNER = new Owner("demo", Optional.of("cea19c69-9400-4007-b928-0bba2dd2ab32"));
    private static final Path EXAMPLE = Path.of("..", "examples", "neoncluster-etcd.yaml");
    private static final Path MODERN_EXAMPLE = Path.of("..", "examples", "neoncluster.yaml");
    /** The uid the synthetic objects' owner references carry. */
    private static final Owner MODERN_OWNER = new Owner("neon", Optional.of("0b6f1c1e-5d0a-4d6e-9a59-2f7f0d8a9c11"));
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    /** Fields the operator sets since the capture, which the captured server could not return. */
    private static final Set<String> ADDED_SINCE_CAPTURE = Set.of("automountServiceAccountToken");
    /** What the ServiceAccount admission adds to a pod that does not opt out of the token. */
    private static final String TOKEN_VOLUME_PREFIX = "kube-api-access-";

    private static ClusterResources desired() {
        return resources(EXAMPLE, OWNER);
    }

    private static ClusterResources modern() {
        return resources(MODERN_EXAMPLE, MODERN_OWNER);
    }

    private static ClusterResources resources(Path example, Owner owner) {
        try {
            return ClusterResources.build(ClusterManifest.read(example).spec(), owner,
                    KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN);
        } catch (ManifestException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Owner ownerOf(HasMetadata object) {
        return object.getMetadata().getName().startsWith("neon-") ? MODERN_OWNER : OWNER;
    }

    static Stream<Arguments> objects() {
        return Stream.concat(desired().all().stream(), modern().all().stream())
                .map(o -> Arguments.of(ChangeApplier.describe(o), o));
    }

    /** The captured pods, which the server's ServiceAccount admission gave a token before the operator refused it. */
    static Stream<Arguments> capturedPods() {
        return desired().pods().stream().map(o -> Arguments.of(ChangeApplier.describe(o), o));
    }

    static Stream<Arguments> pods() {
        return Stream.concat(desired().pods().stream(), modern().pods().stream())
                .map(o -> Arguments.of(ChangeApplier.describe(o), o));
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> T returned(T desired) {
        return fixture("returned", desired, (Class<T>) desired.getClass());
    }

    private static <T> T fixture(String prefix, HasMetadata object, Class<T> type) {
        String name = "/roundtrip/" + prefix + "-" + object.getKind() + "-" + object.getMetadata().getName() + ".json";
        try (InputStream in = RoundTripDriftTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no fixture " + name + ": capture what a real API server returns for it");
            }
            return JSON.unmarshal(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKindTheOperatorWritesHasTheServersCopy() {
        List<HasMetadata> objects = Stream.concat(desired().all().stream(), modern().all().stream()).toList();

        assertThat(objects.stream().map(HasMetadata::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(ObservedCluster.KINDS);
        assertThat(objects).allSatisfy(o -> assertThat(returned(o).getMetadata().getUid()).isNotBlank());
    }

    @Test
    void aPassOverWhatTheServerReturnedPlansNoWrite() {
        for (ClusterResources desired : List.of(desired(), modern())) {
            List<HasMetadata> stored = new ArrayList<>();
            desired.all().forEach(o -> stored.add(returned(o)));

            assertThat(ChangePlanner.plan(desired, ObservedCluster.of(stored), ownerOf(desired.pods().get(0))))
                    .as(desired.cluster().name()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void theServersCopyShowsNoDrift(String object, HasMetadata desired) {
        assertThat(Drift.between(desired, returned(desired), ownerOf(desired))).isEmpty();
    }

    /** Pods are never updated in place, yet their spec must be what the server keeps, and so hash the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void theServerKeepsEveryFieldOfThePodSpec(String pod, Pod desired) {
        ObjectNode wanted = ApiForm.canonical(desired.getSpec());
        ADDED_SINCE_CAPTURE.forEach(wanted::remove);

        assertThat(JsonSubset.contains(ApiForm.canonical(withoutToken(returned(desired).getSpec())), wanted)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedPods")
    void podsRefuseTheApiTokenTheServerMountedIntoThem(String pod, Pod desired) {
        PodSpec stored = returned(desired).getSpec();

        assertThat(stored.getVolumes()).anySatisfy(v -> assertThat(v.getName()).startsWith(TOKEN_VOLUME_PREFIX));
        assertThat(stored.getAutomountServiceAccountToken()).isNull();
        assertThat(desired.getSpec().getAutomountServiceAccountToken()).isFalse();
    }

    /** Every zero value the operator sends is one the server keeps (a pointer field), never one it drops. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void desiredObjectsCarryNoZeroValueTheServerDrops(String object, HasMetadata desired) {
        JsonNode stored = JSON.convertValue(returned(desired), JsonNode.class);

        for (Map.Entry<JsonPointer, JsonNode> zero : zeroFields(JSON.convertValue(desired, JsonNode.class))) {
            if (!ADDED_SINCE_CAPTURE.contains(zero.getKey().last().getMatchingProperty())) {
                assertThat(stored.at(zero.getKey())).as(zero.getKey().toString()).isEqualTo(zero.getValue());
            }
        }
    }

    /**
     * The PodMonitor's {@code returned-PodMonitor-demo.json} is synthetic, not captured: the desired object with what
     * the server behaviour reference (server-behaviour.md) says any API server adds to a custom resource (uid,
     * resourceVersion, generation, creationTimestamp, managedFields). The Prometheus Operator's CRD defaults no field
     * the operator leaves out (the operator sends every relabeling's {@code action}, which its schema defaults).
     */
    @Test
    void theServersCopyOfThePodMonitorShowsNoDriftAndKeepsEveryValueSent() {
        PodMonitor desired = ApiForm.withoutDroppedZeros(PodMonitors.build(desired().cluster(), OWNER));
        PodMonitor stored = returned(desired);

        assertThat(Drift.between(desired, stored, OWNER)).isEmpty();
        JsonNode storedTree = JSON.convertValue(stored, JsonNode.class);
        assertThat(zeroFields(JSON.convertValue(desired, JsonNode.class)))
                .allSatisfy(zero -> assertThat(storedTree.at(zero.getKey())).isEqualTo(zero.getValue()));
        assertThat(JsonSubset.contains(ApiForm.canonical(stored), ApiForm.canonical(desired).without(List.of("metadata"))))
                .isTrue();
    }

    @Test
    void theCapturedServerDroppedTheFalseItWasSent() {
        HasMetadata safekeepers = desired().services().stream()
                .filter(s -> s.getMetadata().getName().equals("demo-safekeeper")).findFirst().orElseThrow();
        JsonPointer field = JsonPointer.compile("/spec/publishNotReadyAddresses");

        assertThat(fixture("sent", safekeepers, JsonNode.class).at(field).isBoolean()).isTrue();
        assertThat(fixture("returned", safekeepers, JsonNode.class).at(field).isMissingNode()).isTrue();
        assertThat(JSON.convertValue(safekeepers, JsonNode.class).at(field).isMissingNode()).isTrue();
    }

    private static PodSpec withoutToken(PodSpec spec) {
        PodSpec copy = JSON.clone(spec);
        copy.getVolumes().removeIf(v -> v.getName().startsWith(TOKEN_VOLUME_PREFIX));
        Stream.concat(copy.getContainers().stream(), copy.getInitContainers().stream())
                .forEach(c -> c.getVolumeMounts().removeIf(m -> m.getName().startsWith(TOKEN_VOLUME_PREFIX)));
        return copy;
    }

    /** Every field of {@code node} holding {@code false}, {@code 0}, {@code ""}, an empty list or an empty map. */
    private static List<Map.Entry<JsonPointer, JsonNode>> zeroFields(JsonNode node) {
        List<Map.Entry<JsonPointer, JsonNode>> zeros = new ArrayList<>();
        collectZeros(JsonPointer.empty(), node, zeros);
        return zeros;
    }

    private static void collectZeros(JsonPointer at, JsonNode node, List<Map.Entry<JsonPointer, JsonNode>> zeros) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                JsonPointer path = at.appendProperty(field.getKey());
                if (ApiForm.isZero(field.getValue())) {
                    zeros.add(Map.entry(path, field.getValue()));
                } else {
                    collectZeros(path, field.getValue(), zeros);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectZeros(at.appendIndex(i), node.get(i), zeros);
            }
        }
    }
}
