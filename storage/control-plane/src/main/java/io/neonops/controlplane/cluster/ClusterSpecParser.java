package io.neonops.controlplane.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.storage.common.PgMajorVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the {@code spec} of a NeonCluster (as JSON) into a {@link ClusterSpec}, applying every default and
 * refusing what cannot run, with each refused field named. The single place where defaults live: the
 * operator shows them in status and never writes them back into the resource.
 */
public final class ClusterSpecParser {

    /** Cluster names end up in pod host names such as {@code <name>-safekeeper-12}: keep room for that. */
    public static final int MAX_NAME_LENGTH = 40;

    /**
     * pageserver.toml keys that the operator derives itself; letting {@code spec.pageserver.config} set
     * them would silently break addressing or security (or write the key twice). The 2022 and the modern
     * pageserver.toml keys alike: {@code control_plane_emergency_mode} would skip the generation checks that keep
     * two pageservers from writing the same tenant.
     */
    public static final Set<String> MANAGED_PAGESERVER_KEYS = Set.of(
            "id", "listen_pg_addr", "listen_http_addr", "broker_endpoints", "pg_distrib_dir",
            "remote_storage", "auth_type", "auth_validation_public_key_path", "control_plane_api",
            "control_plane_api_token", "control_plane_emergency_mode", "broker_endpoint", "availability_zone",
            "http_auth_type", "pg_auth_type");

    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
    private static final Pattern CONFIG_KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> SPEC_FIELDS = Set.of("image", "imagePullPolicy", "postgres", "etcd",
            "pageserver", "safekeepers", "remoteStorage", "auth", "deletionPolicy", "upgrade", "monitoring", "local",
            "storageBroker", "storageController");
    private static final Set<String> STORAGE_FIELDS = Set.of("size", "storageClassName");
    private static final Set<String> RESOURCES_FIELDS = Set.of("requests", "limits");
    private static final Set<String> STANDARD_RESOURCES = new TreeSet<>(Set.of("cpu", "memory", "ephemeral-storage"));
    private static final Pattern HUGEPAGES = Pattern.compile("hugepages-" + QUANTITY.pattern());
    // a qualified name with a DNS-subdomain prefix outside kubernetes.io, as extended resources must be
    private static final Pattern EXTENDED_RESOURCE = Pattern.compile(
            "(?!(?:[^/]*\\.)?kubernetes\\.io/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private ClusterSpecParser() {
    }

    /**
     * @param name      the resource's metadata.name
     * @param namespace the resource's namespace
     * @param spec      the resource's spec; a missing or null node counts as an empty spec
     */
    public static ClusterSpec parse(String name, String namespace, JsonNode spec) throws InvalidClusterSpecException {
        SpecReader reader = new SpecReader();
        checkName(reader, name);
        if (SpecReader.absent(spec)) {
            reader.error("spec", "is required (at least spec.image)");
            throw new InvalidClusterSpecException(reader.errors());
        }
        if (!spec.isObject()) {
            reader.error("spec", "must be an object, got " + SpecReader.describe(spec));
            throw new InvalidClusterSpecException(reader.errors());
        }
        reader.rejectUnknown(spec, "spec", SPEC_FIELDS);

        Optional<String> image = reader.string(spec, "image", "spec.image");
        if (image.isEmpty() && !spec.hasNonNull("image")) {
            reader.error("spec.image", "is required (the Neon image, e.g. neondatabase/neon:<tag>)");
        }
        image.filter(i -> i.chars().anyMatch(Character::isWhitespace))
                .ifPresent(i -> reader.error("spec.image", "must not contain white space"));
        ImagePullPolicy pullPolicy = reader.enumValue(spec, "imagePullPolicy", "spec.imagePullPolicy",
                ImagePullPolicy.class).orElse(ImagePullPolicy.IfNotPresent);

        PostgresSpec postgres = postgres(reader, spec);
        BrokerSpec broker = broker(reader, spec);
        Optional<StorageControllerSpec> storageController = storageController(reader, spec);
        PageserverSpec pageserver = pageserver(reader, spec);
        SafekeeperSpec safekeepers = safekeepers(reader, spec);
        Optional<RemoteStorageSpec> remoteStorage = remoteStorage(reader, spec);
        AuthSpec auth = auth(reader, spec, storageController.isPresent());
        DeletionPolicy deletionPolicy = reader.enumValue(spec, "deletionPolicy", "spec.deletionPolicy",
                DeletionPolicy.class).orElse(DeletionPolicy.Retain);
        UpgradeSpec upgrade = upgrade(reader, spec);
        LocalPorts localPorts = localPorts(reader, spec);
        checkMonitoring(reader, spec);
        CompatibilityMatrix.check(reader, spec, postgres, broker, storageController.isPresent(), remoteStorage.isPresent());

        if (!reader.errors().isEmpty()) {
            throw new InvalidClusterSpecException(reader.errors());
        }
        return new ClusterSpec(name, namespace, image.orElseThrow(), pullPolicy, postgres, broker, storageController, pageserver,
                safekeepers, remoteStorage, auth, deletionPolicy, upgrade, localPorts);
    }

    private static void checkName(SpecReader reader, String name) {
        if (name == null || name.isEmpty()) {
            reader.error("metadata.name", "is required");
        } else if (!NAME.matcher(name).matches()) {
            reader.error("metadata.name", "must be lower-case letters, digits and '-', start with a letter and "
                    + "end with a letter or digit, got \"" + name + "\"");
        } else if (name.length() > MAX_NAME_LENGTH) {
            reader.error("metadata.name", "must be at most " + MAX_NAME_LENGTH + " characters (pod and service "
                    + "names are built from it), got " + name.length());
        }
    }

    private static PostgresSpec postgres(SpecReader reader, JsonNode spec) {
        JsonNode node = reader.object(spec, "postgres", "spec.postgres", Set.of("versions", "defaultVersion"));
        List<PgMajorVersion> versions = new ArrayList<>();
        JsonNode list = node.path("versions");
        boolean versionsValid = true;
        if (SpecReader.absent(list)) {
            versions.add(PgMajorVersion.DEFAULT_PG_VERSION);
        } else if (!list.isArray()) {
            reader.error("spec.postgres.versions", "must be a list of Postgres majors, got " + SpecReader.describe(list));
            versionsValid = false;
        } else if (list.isEmpty()) {
            reader.error("spec.postgres.versions", "must name at least one Postgres major");
            versionsValid = false;
        } else {
            for (int i = 0; i < list.size(); i++) {
                String path = "spec.postgres.versions[" + i + "]";
                Optional<PgMajorVersion> version = pgVersion(reader, list.get(i), path);
                if (version.isEmpty()) {
                    versionsValid = false;
                } else if (versions.contains(version.get())) {
                    reader.error(path, "duplicate version " + version.get());
                    versionsValid = false;
                } else {
                    versions.add(version.get());
                }
            }
        }
        JsonNode defaultNode = node.path("defaultVersion");
        Optional<PgMajorVersion> explicitDefault = SpecReader.absent(defaultNode)
                ? Optional.empty()
                : pgVersion(reader, defaultNode, "spec.postgres.defaultVersion");
        if (!versionsValid || (explicitDefault.isEmpty() && !SpecReader.absent(defaultNode))) {
            return null;
        }
        Collections.sort(versions);
        PgMajorVersion defaultVersion = explicitDefault.orElseGet(() -> versions.contains(PgMajorVersion.DEFAULT_PG_VERSION)
                ? PgMajorVersion.DEFAULT_PG_VERSION
                : versions.get(versions.size() - 1));
        if (!versions.contains(defaultVersion)) {
            reader.error("spec.postgres.defaultVersion", "must be one of spec.postgres.versions " + versions
                    + ", got " + defaultVersion);
            return null;
        }
        return new PostgresSpec(versions, defaultVersion);
    }

    private static Optional<PgMajorVersion> pgVersion(SpecReader reader, JsonNode node, String path) {
        if (!node.isIntegralNumber()) {
            reader.error(path, "must be a Postgres major number " + PgMajorVersion.supportedMajors()
                    + ", got " + SpecReader.describe(node));
            return Optional.empty();
        }
        try {
            return Optional.of(PgMajorVersion.ofMajor(node.intValue()));
        } catch (IllegalArgumentException e) {
            reader.error(path, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code spec.etcd} or {@code spec.storageBroker}; neither means the etcd broker with its defaults, as it did
     * before the storage broker could be chosen, so that existing manifests keep their meaning.
     */
    private static BrokerSpec broker(SpecReader reader, JsonNode spec) {
        if (spec.hasNonNull("storageBroker")) {
            if (spec.hasNonNull("etcd")) {
                reader.error(StorageBrokerSpec.SPEC_PATH, "cannot be set together with spec.etcd: a cluster has exactly"
                        + " one broker, the 2022 etcd or the storage broker");
            }
            return storageBroker(reader, spec);
        }
        return etcd(reader, spec);
    }

    private static StorageBrokerSpec storageBroker(SpecReader reader, JsonNode spec) {
        String path = StorageBrokerSpec.SPEC_PATH;
        JsonNode node = reader.object(spec, "storageBroker", path, Set.of("replicas", "resources"));
        int replicas = reader.integer(node, "replicas", path + ".replicas").orElse(1);
        if (replicas != 1) {
            reader.error(path + ".replicas", "must be 1, got " + replicas + ": " + StorageBrokerSpec.ONE_BROKER);
        }
        return new StorageBrokerSpec(replicas, resources(reader, node, path));
    }

    private static Optional<StorageControllerSpec> storageController(SpecReader reader, JsonNode spec) {
        if (!spec.hasNonNull("storageController")) {
            return Optional.empty();
        }
        String path = StorageControllerSpec.SPEC_PATH;
        JsonNode node = reader.object(spec, "storageController", path, Set.of("resources", "database"));
        return Optional.of(new StorageControllerSpec(resources(reader, node, path), database(reader, node)));
    }

    /** Managed unless {@code external} is given; never both. */
    private static StorageControllerDatabase database(SpecReader reader, JsonNode controller) {
        String path = StorageControllerSpec.SPEC_PATH + ".database";
        JsonNode node = reader.object(controller, "database", path, Set.of("managed", "external"));
        if (node.hasNonNull("external")) {
            String externalPath = path + ".external";
            if (node.hasNonNull("managed")) {
                reader.error(externalPath, "cannot be set together with managed: the database is either run by the"
                        + " operator or yours");
            }
            JsonNode external = reader.object(node, "external", externalPath, Set.of("secretName", "key"));
            Optional<String> secret = reader.objectName(external, "secretName", externalPath + ".secretName");
            if (SpecReader.absent(external.path("secretName"))) {
                reader.error(externalPath + ".secretName", "is required: the Secret that holds the database URL");
            }
            String key = reader.string(external, "key", externalPath + ".key")
                    .orElse(StorageControllerDatabase.External.DEFAULT_KEY);
            return new StorageControllerDatabase.External(secret.orElse(""), key);
        }
        String managedPath = path + ".managed";
        JsonNode managed = reader.object(node, "managed", managedPath, Set.of("image", "storage", "resources"));
        String image = reader.string(managed, "image", managedPath + ".image")
                .orElse(StorageControllerDatabase.Managed.DEFAULT_IMAGE);
        return new StorageControllerDatabase.Managed(image,
                storage(reader, managed, managedPath, StorageControllerDatabase.Managed.DEFAULT_STORAGE_SIZE),
                resources(reader, managed, managedPath));
    }

    private static EtcdSpec etcd(SpecReader reader, JsonNode spec) {
        JsonNode node = reader.object(spec, "etcd", "spec.etcd", Set.of("replicas", "image", "storage", "resources"));
        int replicas = reader.integer(node, "replicas", "spec.etcd.replicas").orElse(1);
        if (replicas < 1 || replicas > 7 || replicas % 2 == 0) {
            reader.error("spec.etcd.replicas", "must be odd, from 1 to 7 (a quorum needs a majority), got " + replicas);
        }
        String image = reader.string(node, "image", "spec.etcd.image").orElse(EtcdSpec.DEFAULT_IMAGE);
        return new EtcdSpec(replicas, image, storage(reader, node, "spec.etcd", EtcdSpec.DEFAULT_STORAGE_SIZE),
                resources(reader, node, "spec.etcd"));
    }

    private static PageserverSpec pageserver(SpecReader reader, JsonNode spec) {
        JsonNode node = reader.object(spec, "pageserver", "spec.pageserver",
                Set.of("replicas", "storage", "resources", "config", "availabilityZone"));
        String zone = reader.string(node, "availabilityZone", "spec.pageserver.availabilityZone")
                .orElse(PageserverSpec.DEFAULT_AVAILABILITY_ZONE);
        int replicas = reader.integer(node, "replicas", "spec.pageserver.replicas").orElse(1);
        if (replicas < 1) {
            reader.error("spec.pageserver.replicas", "must be at least 1, got " + replicas);
        }
        return new PageserverSpec(replicas, storage(reader, node, "spec.pageserver", PageserverSpec.DEFAULT_STORAGE_SIZE),
                resources(reader, node, "spec.pageserver"), pageserverConfig(reader, node), zone);
    }

    private static Map<String, Object> pageserverConfig(SpecReader reader, JsonNode pageserver) {
        JsonNode config = pageserver.path("config");
        Map<String, Object> result = new LinkedHashMap<>();
        if (SpecReader.absent(config)) {
            return result;
        }
        if (!config.isObject()) {
            reader.error("spec.pageserver.config", "must be an object of pageserver.toml keys, got "
                    + SpecReader.describe(config));
            return result;
        }
        config.properties().forEach(entry -> {
            String key = entry.getKey();
            String path = "spec.pageserver.config." + key;
            if (MANAGED_PAGESERVER_KEYS.contains(key)) {
                reader.error(path, "is set by the operator and cannot be overridden");
            } else if (!CONFIG_KEY.matcher(key).matches()) {
                reader.error(path, "is not a pageserver.toml key (lower-case letters, digits and '_')");
            } else {
                tomlValue(reader, entry.getValue(), path).ifPresent(value -> result.put(key, value));
            }
        });
        return result;
    }

    /** A JSON value that TOML can hold: no nulls anywhere. */
    private static Optional<Object> tomlValue(SpecReader reader, JsonNode node, String path) {
        if (node.isNull()) {
            reader.error(path, "must not be null (TOML has no null)");
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.longValue());
        }
        if (node.isNumber()) {
            return Optional.of(node.doubleValue());
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                tomlValue(reader, node.get(i), path + "[" + i + "]").ifPresent(items::add);
            }
            return Optional.of(List.copyOf(items));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        node.properties().forEach(e -> tomlValue(reader, e.getValue(), path + "." + e.getKey())
                .ifPresent(v -> table.put(e.getKey(), v)));
        return Optional.of(Collections.unmodifiableMap(table));
    }

    private static SafekeeperSpec safekeepers(SpecReader reader, JsonNode spec) {
        JsonNode node = reader.object(spec, "safekeepers", "spec.safekeepers", Set.of("replicas", "storage", "resources"));
        int replicas = reader.integer(node, "replicas", "spec.safekeepers.replicas").orElse(SafekeeperSpec.MIN_REPLICAS);
        if (replicas < SafekeeperSpec.MIN_REPLICAS) {
            reader.error("spec.safekeepers.replicas", "must be at least " + SafekeeperSpec.MIN_REPLICAS
                    + " (WAL needs a quorum that survives one loss), got " + replicas);
        }
        return new SafekeeperSpec(replicas, storage(reader, node, "spec.safekeepers", SafekeeperSpec.DEFAULT_STORAGE_SIZE),
                resources(reader, node, "spec.safekeepers"));
    }

    private static StorageSpec storage(SpecReader reader, JsonNode component, String componentPath, String defaultSize) {
        String path = componentPath + ".storage";
        JsonNode node = reader.object(component, "storage", path, STORAGE_FIELDS);
        String size = reader.string(node, "size", path + ".size").orElse(defaultSize);
        if (!QUANTITY.matcher(size).matches()) {
            reader.error(path + ".size", "must be a storage quantity such as 10Gi, got \"" + size + "\"");
        }
        return new StorageSpec(size, reader.string(node, "storageClassName", path + ".storageClassName"));
    }

    private static ResourcesSpec resources(SpecReader reader, JsonNode component, String componentPath) {
        String path = componentPath + ".resources";
        JsonNode node = reader.object(component, "resources", path, RESOURCES_FIELDS);
        return new ResourcesSpec(resourceList(reader, node, "requests", path + ".requests"),
                resourceList(reader, node, "limits", path + ".limits"));
    }

    /**
     * Requests or limits keyed by resource name, refused as the API server refuses a container's: a name without a
     * domain must be a standard resource; others (extended resources) carry a domain, such as example.com/gpu.
     */
    private static Map<String, String> resourceList(SpecReader reader, JsonNode resources, String field, String path) {
        Map<String, String> values = reader.stringMap(resources, field, path);
        for (String name : values.keySet()) {
            boolean standard = STANDARD_RESOURCES.contains(name) || HUGEPAGES.matcher(name).matches();
            if (!standard && !EXTENDED_RESOURCE.matcher(name).matches()) {
                reader.error(path + "." + name, "is not a container resource (" + String.join(", ", STANDARD_RESOURCES)
                        + ", hugepages-<size>, or an extended resource with a domain such as example.com/gpu)");
            }
        }
        return values;
    }

    private static Optional<RemoteStorageSpec> remoteStorage(SpecReader reader, JsonNode spec) {
        if (!spec.hasNonNull("remoteStorage")) {
            return Optional.empty();
        }
        JsonNode node = reader.object(spec, "remoteStorage", "spec.remoteStorage",
                Set.of("bucket", "region", "endpoint", "prefix", "credentialsSecret"));
        Optional<String> bucket = reader.string(node, "bucket", "spec.remoteStorage.bucket");
        Optional<String> region = reader.string(node, "region", "spec.remoteStorage.region");
        if (!node.hasNonNull("bucket")) {
            reader.error("spec.remoteStorage.bucket", "is required when remoteStorage is set");
        }
        if (!node.hasNonNull("region")) {
            reader.error("spec.remoteStorage.region", "is required when remoteStorage is set");
        }
        Optional<String> endpoint = reader.string(node, "endpoint", "spec.remoteStorage.endpoint");
        Optional<String> prefix = reader.string(node, "prefix", "spec.remoteStorage.prefix");
        Optional<String> secret = reader.objectName(node, "credentialsSecret", "spec.remoteStorage.credentialsSecret");
        if (bucket.isEmpty() || region.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RemoteStorageSpec(bucket.get(), region.get(), endpoint, prefix, secret));
    }

    private static AuthSpec auth(SpecReader reader, JsonNode spec, boolean storageController) {
        JsonNode node = reader.object(spec, "auth", "spec.auth",
                Set.of("enabled", "publicKeySecret", "apiTokenSecret", "storageControllerSecret"));
        boolean enabled = reader.bool(node, "enabled", "spec.auth.enabled").orElse(false);
        Optional<String> secret = reader.objectName(node, "publicKeySecret", "spec.auth.publicKeySecret");
        Optional<String> apiToken = reader.objectName(node, "apiTokenSecret", "spec.auth.apiTokenSecret");
        Optional<String> controllerTokens =
                reader.objectName(node, "storageControllerSecret", "spec.auth.storageControllerSecret");
        if (enabled && storageController && SpecReader.absent(node.path("storageControllerSecret"))) {
            reader.error("spec.auth.storageControllerSecret", "is required when spec.auth.enabled is true and"
                    + " spec.storageController is set: without --dev the storage controller does not start without"
                    + " its tokens");
        }
        if (enabled && secret.isEmpty()) {
            // a value that is there but wrong has its own error already
            if (SpecReader.absent(node.path("publicKeySecret"))) {
                reader.error("spec.auth.publicKeySecret", "is required when spec.auth.enabled is true");
            }
            return AuthSpec.DISABLED;
        }
        return new AuthSpec(enabled, secret, apiToken, controllerTokens);
    }

    private static UpgradeSpec upgrade(SpecReader reader, JsonNode spec) {
        JsonNode node = reader.object(spec, "upgrade", "spec.upgrade",
                Set.of("podReadyTimeoutSeconds", "drainTimeoutSeconds", "fillTimeoutSeconds"));
        return new UpgradeSpec(
                seconds(reader, node, "podReadyTimeoutSeconds", UpgradeSpec.DEFAULT_POD_READY_TIMEOUT_SECONDS,
                        UpgradeSpec.MIN_POD_READY_TIMEOUT_SECONDS),
                seconds(reader, node, "drainTimeoutSeconds", UpgradeSpec.DEFAULT_DRAIN_TIMEOUT_SECONDS,
                        UpgradeSpec.MIN_DRAIN_FILL_TIMEOUT_SECONDS),
                seconds(reader, node, "fillTimeoutSeconds", UpgradeSpec.DEFAULT_FILL_TIMEOUT_SECONDS,
                        UpgradeSpec.MIN_DRAIN_FILL_TIMEOUT_SECONDS));
    }

    private static Duration seconds(SpecReader reader, JsonNode upgrade, String field, int defaultSeconds, int minSeconds) {
        String path = "spec.upgrade." + field;
        int seconds = reader.integer(upgrade, field, path).orElse(defaultSeconds);
        if (seconds < minSeconds) {
            reader.error(path, "must be at least " + minSeconds + ", got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** Only its form is checked: what it asks for (a PodMonitor) is the operator's business, not the daemons'. */
    private static void checkMonitoring(SpecReader reader, JsonNode spec) {
        JsonNode node = reader.object(spec, "monitoring", "spec.monitoring", Set.of("podMonitor"));
        reader.bool(node, "podMonitor", "spec.monitoring.podMonitor");
    }

    private static LocalPorts localPorts(SpecReader reader, JsonNode spec) {
        LocalPorts d = LocalPorts.DEFAULTS;
        JsonNode node = reader.object(spec, "local", "spec.local", Set.of("etcdClientPort", "etcdPeerPort",
                "pageserverPgPort", "pageserverHttpPort", "safekeeperPgPort", "safekeeperHttpPort", "storageBrokerPort",
                "storageControllerPort", "storageControllerDbPort"));
        return new LocalPorts(
                port(reader, node, "etcdClientPort", d.etcdClientPort()),
                port(reader, node, "etcdPeerPort", d.etcdPeerPort()),
                port(reader, node, "pageserverPgPort", d.pageserverPgPort()),
                port(reader, node, "pageserverHttpPort", d.pageserverHttpPort()),
                port(reader, node, "safekeeperPgPort", d.safekeeperPgPort()),
                port(reader, node, "safekeeperHttpPort", d.safekeeperHttpPort()),
                port(reader, node, "storageBrokerPort", d.storageBrokerPort()),
                port(reader, node, "storageControllerPort", d.storageControllerPort()),
                port(reader, node, "storageControllerDbPort", d.storageControllerDbPort()));
    }

    private static int port(SpecReader reader, JsonNode local, String field, int defaultPort) {
        String path = "spec.local." + field;
        int port = reader.integer(local, field, path).orElse(defaultPort);
        if (port < 1 || port > 65535) {
            reader.error(path, "must be a TCP port from 1 to 65535, got " + port);
        }
        return port;
    }
}
