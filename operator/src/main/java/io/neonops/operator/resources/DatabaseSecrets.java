package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.neonops.controlplane.cluster.ClusterSpec;
import io.neonops.controlplane.cluster.DeletionPolicy;
import io.neonops.controlplane.component.Component;
import io.neonops.controlplane.component.StorageControllerDbNodeSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The password Secret of the storage controller's managed database. The desired object has no data: the password
 * is generated once, when the Secret is created, and never written again, because the database was initialised
 * with it. Like the database's volume it stays when the cluster is deleted under {@code deletionPolicy: Retain}.
 */
public final class DatabaseSecrets {

    public static final String TYPE = "Opaque";
    private static final int PASSWORD_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseSecrets() {
    }

    /** The Secret a cluster with a managed database has, without its generated data. */
    public static Optional<Secret> build(ClusterSpec cluster, Owner owner) {
        if (Component.STORAGE_CONTROLLER_DB.replicas(cluster) == 0) {
            return Optional.empty();
        }
        ObjectMetaBuilder metadata = ComponentMetadata.builder(cluster, Component.STORAGE_CONTROLLER_DB,
                StorageControllerDbNodeSpec.secretName(cluster));
        if (cluster.deletionPolicy() == DeletionPolicy.Delete) {
            metadata.withOwnerReferences(owner.reference());
        }
        return Optional.of(new SecretBuilder().withMetadata(metadata.build()).withType(TYPE).build());
    }

    /** {@code desired} with a new random password and the storage controller's URL with it. */
    public static Secret generated(Secret desired, ClusterSpec cluster) {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        // hex needs no escaping in the URL
        String password = HexFormat.of().formatHex(bytes);
        Map<String, String> data = new TreeMap<>();
        data.put(StorageControllerDbNodeSpec.PASSWORD_KEY, base64(password));
        data.put(StorageControllerDbNodeSpec.DATABASE_URL_KEY,
                base64(StorageControllerDbNodeSpec.databaseUrl(host(cluster), password)));
        return new SecretBuilder(desired).withData(data).build();
    }

    /** {@code desired} with the data of the {@code existing} Secret, which is never generated again. */
    public static Secret keeping(Secret desired, Secret existing) {
        return new SecretBuilder(desired).withData(existing.getData()).build();
    }

    /**
     * The database's Service by its short name, which the pod's DNS search path completes in every cluster domain:
     * the URL is written once, so it must not depend on {@code --cluster-domain}.
     */
    static String host(ClusterSpec cluster) {
        return ResourceNames.service(cluster, Component.STORAGE_CONTROLLER_DB) + "." + cluster.namespace() + ".svc";
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
