package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.neonops.controlplane.cluster.AuthSpec;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.ResourcesSpec;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.ComponentSpec;
import io.neonops.controlplane.component.EnvValue;
import io.neonops.controlplane.component.SecretConfigKeys;
import io.neonops.controlplane.component.ExecProbe;
import io.neonops.controlplane.component.HttpProbe;
import io.neonops.operator.upgrade.SpecSummary;
import io.neonops.operator.upgrade.SpecSummaryAnnotations;
import io.neonops.storage.common.PgMajorVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod of one node. Its command, arguments, ports and readiness probe are the node's {@link ComponentSpec},
 * the same one local mode runs; what is Kubernetes' own (volumes, security, placement) is added here.
 */
public final class NodePods {

    public static final String DATA_VOLUME = "data";
    public static final String CONFIG_VOLUME = "config";
    public static final String AUTH_VOLUME = "auth";
    /** Names of the Secret keys that carry S3 credentials, which Neon reads from the environment. */
    public static final List<String> S3_CREDENTIAL_KEYS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    private static final int READINESS_PERIOD_SECONDS = 5;

    private NodePods() {
    }

    public static Pod build(ClusterSpec cluster, ComponentSpec node, KubernetesEnvironment env, Owner owner) {
        Component component = node.component();
        PodSpec spec = podSpec(cluster, node, env);
        return new PodBuilder()
                .withMetadata(ComponentMetadata.builder(cluster, component, node.memberName())
                        .addToLabels(ResourceLabels.NODE_ID, Integer.toString(node.nodeId()))
                        .withAnnotations(annotations(cluster, node, spec))
                        .withOwnerReferences(owner.reference())
                        .build())
                .withSpec(spec)
                .build();
    }

    /** The spec hash, which decides restarts, and the summary of the spec that status shows during a roll. */
    private static Map<String, String> annotations(ClusterSpec cluster, ComponentSpec node, PodSpec spec) {
        Map<String, String> annotations = new TreeMap<>(SpecSummaryAnnotations.of(SpecSummary.of(cluster)));
        List<PgMajorVersion> majors = servesPostgres(node.component()) ? cluster.postgres().versions() : List.of();
        annotations.put(SpecHash.ANNOTATION, SpecHash.of(spec, node.configFiles(), majors));
        return annotations;
    }

    /**
     * Whether a component's nodes serve the Postgres majors of the spec (the pageserver runs the {@code vNN}
     * distributions under {@code pg_distrib_dir} for the timelines it holds). So adding a major restarts those
     * only, and {@code defaultVersion}, which only applies to timelines created later, restarts nothing.
     */
    public static boolean servesPostgres(Component component) {
        return component.descriptor().servesPostgres();
    }

    private static PodSpec podSpec(ClusterSpec cluster, ComponentSpec node, KubernetesEnvironment env) {
        Component component = node.component();
        PodSpecBuilder spec = new PodSpecBuilder()
                .withHostname(node.memberName())
                .withSubdomain(ResourceNames.service(cluster, component))
                .withEnableServiceLinks(false)
                // the daemons never call the Kubernetes API: a compromised one must find no credentials
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(PodSecurity.pod(component.descriptor().userId()))
                .withVolumes(volumes(cluster, node))
                .withContainers(mainContainer(cluster, node, env));
        if (!node.configFiles().isEmpty()) {
            spec.withInitContainers(configCopier(cluster, node));
        }
        PodPlacement.affinity(cluster, component).ifPresent(spec::withAffinity);
        return spec.build();
    }

    private static Container mainContainer(ClusterSpec cluster, ComponentSpec node, KubernetesEnvironment env) {
        List<VolumeMount> mounts = new ArrayList<>();
        if (keepsData(cluster, node)) {
            mounts.add(dataMount(node));
        }
        if (usesAuthKey(cluster, node.component())) {
            mounts.add(new VolumeMountBuilder().withName(AUTH_VOLUME)
                    .withMountPath(env.authPublicKeyPath().getParent().toString()).withReadOnly(true).build());
        }
        return new ContainerBuilder()
                .withName(node.component().id())
                .withImage(ComponentSettings.image(cluster, node.component()))
                .withImagePullPolicy(cluster.imagePullPolicy().name())
                .withCommand(node.binary())
                .withArgs(node.args())
                .withEnv(environment(cluster, node))
                .withPorts(ports(node))
                .withReadinessProbe(readiness(node))
                .withResources(resources(ComponentSettings.resources(cluster, node.component())))
                .withVolumeMounts(mounts)
                .withSecurityContext(PodSecurity.container())
                .build();
    }

    /**
     * Copies the node's configuration files from the ConfigMap into its data directory before it starts, and appends
     * the keys whose values are credentials ({@link SecretConfigKeys}) from their Secrets, which the ConfigMap never
     * holds: each as a TOML literal string, trailing newlines (as {@code kubectl create secret --from-file} leaves
     * them) dropped.
     */
    private static Container configCopier(ClusterSpec cluster, ComponentSpec node) {
        List<String> copy = new ArrayList<>(List.of("cp"));
        node.configFiles().keySet().forEach(file -> copy.add(KubernetesEnvironment.CONFIG_DIR.resolve(file).toString()));
        copy.add(node.dataDir() + "/");
        List<String> command = copy;
        List<EnvVar> env = new ArrayList<>();
        Optional<SecretConfigKeys> secrets = node.component().descriptor().secretConfigKeys(cluster);
        if (secrets.isPresent()) {
            StringBuilder script = new StringBuilder(String.join(" ", copy));
            String file = node.dataDir().resolve(secrets.get().file()).toString();
            secrets.get().values().forEach((key, value) -> {
                String variable = "SECRET_" + env.size();
                env.add(envVar(variable, value));
                script.append(" && printf \"%s = '%s'\\n\" ").append(key).append(" \"$(printf %s \"$").append(variable)
                        .append("\")\" >> ").append(file);
            });
            command = List.of("sh", "-c", script.toString());
        }
        ContainerBuilder container = new ContainerBuilder()
                .withName("copy-config")
                .withImage(ComponentSettings.image(cluster, node.component()))
                .withImagePullPolicy(cluster.imagePullPolicy().name())
                .withCommand(command)
                .withResources(resources(ComponentSettings.resources(cluster, node.component())))
                .withVolumeMounts(dataMount(node), new VolumeMountBuilder().withName(CONFIG_VOLUME)
                        .withMountPath(KubernetesEnvironment.CONFIG_DIR.toString()).withReadOnly(true).build())
                .withSecurityContext(PodSecurity.container());
        // no env at all without secrets, so that the pods (and spec hashes) of other nodes stay as they were
        return env.isEmpty() ? container.build() : container.withEnv(env).build();
    }

    private static VolumeMount dataMount(ComponentSpec node) {
        return new VolumeMountBuilder().withName(DATA_VOLUME).withMountPath(node.dataDir().toString()).build();
    }

    /** Whether the node has a data volume: stateless daemons (the storage broker and controller) have none. */
    private static boolean keepsData(ClusterSpec cluster, ComponentSpec node) {
        return ComponentSettings.storage(cluster, node.component()).isPresent();
    }

    private static List<Volume> volumes(ClusterSpec cluster, ComponentSpec node) {
        Component component = node.component();
        List<Volume> volumes = new ArrayList<>();
        if (keepsData(cluster, node)) {
            volumes.add(new VolumeBuilder().withName(DATA_VOLUME).withNewPersistentVolumeClaim()
                    .withClaimName(ResourceNames.volumeClaim(cluster, component, node.index())).endPersistentVolumeClaim()
                    .build());
        }
        if (!node.configFiles().isEmpty()) {
            ConfigMapVolumeSourceBuilder configMap = new ConfigMapVolumeSourceBuilder()
                    .withName(ResourceNames.configMap(cluster, component));
            if (!node.nodeFiles().isEmpty()) {
                // the ConfigMap holds every node's own files: this node mounts its own under their plain names
                configMap.withItems(ComponentConfigMaps.items(node));
            }
            volumes.add(new VolumeBuilder().withName(CONFIG_VOLUME).withConfigMap(configMap.build()).build());
        }
        if (usesAuthKey(cluster, component)) {
            volumes.add(new VolumeBuilder().withName(AUTH_VOLUME).withNewSecret()
                    .withSecretName(cluster.auth().publicKeySecret().orElseThrow())
                    .addNewItem().withKey(AuthSpec.PUBLIC_KEY_FILE).withPath(AuthSpec.PUBLIC_KEY_FILE).endItem()
                    .endSecret().build());
        }
        return volumes;
    }

    private static boolean usesAuthKey(ClusterSpec cluster, Component component) {
        return cluster.auth().enabled() && component.descriptor().checksJwt();
    }

    /** The node's own variables, after the S3 credentials of the daemons that use the bucket. */
    private static List<EnvVar> environment(ClusterSpec cluster, ComponentSpec node) {
        List<EnvVar> env = new ArrayList<>(s3Credentials(cluster, node.component()));
        node.environment().forEach((name, value) -> env.add(envVar(name, value)));
        return env;
    }

    /** S3 credentials come from the named Secret, never from the spec. */
    private static List<EnvVar> s3Credentials(ClusterSpec cluster, Component component) {
        if (!component.descriptor().usesRemoteStorage()) {
            return List.of();
        }
        return cluster.remoteStorage().flatMap(rs -> rs.credentialsSecret())
                .map(secret -> S3_CREDENTIAL_KEYS.stream().map(key -> fromSecret(key, secret, key)).toList())
                .orElse(List.of());
    }

    private static EnvVar envVar(String name, EnvValue value) {
        if (value instanceof EnvValue.FromSecret secret) {
            return fromSecret(name, secret.secretName(), secret.key());
        }
        return new EnvVarBuilder().withName(name).withValue(((EnvValue.Literal) value).value()).build();
    }

    private static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
                .withName(secret).withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    private static List<ContainerPort> ports(ComponentSpec node) {
        return node.ports().stream()
                .map(p -> new ContainerPortBuilder().withName(p.name()).withContainerPort(p.port()).withProtocol("TCP").build())
                .toList();
    }

    private static Probe readiness(ComponentSpec node) {
        ProbeBuilder probe = new ProbeBuilder().withPeriodSeconds(READINESS_PERIOD_SECONDS);
        if (node.readiness() instanceof HttpProbe http) {
            probe.withNewHttpGet().withPath(http.path()).withPort(new IntOrString(http.portName())).endHttpGet();
        } else {
            probe.withNewExec().withCommand(((ExecProbe) node.readiness()).command()).endExec();
        }
        return probe.build();
    }

    private static ResourceRequirements resources(ResourcesSpec spec) {
        return new ResourceRequirementsBuilder()
                .withRequests(quantities(spec.requests()))
                .withLimits(quantities(spec.limits()))
                .build();
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        // sorted, so that the rendered manifest is the same on every run
        Map<String, Quantity> quantities = new TreeMap<>();
        values.forEach((name, value) -> quantities.put(name, new Quantity(value)));
        return quantities;
    }
}
