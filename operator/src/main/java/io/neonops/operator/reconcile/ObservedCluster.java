package io.neonops.operator.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of one cluster as the informers last saw them, each kind by name.
 *
 * @param objects every observed object, by kind and name
 */
public record ObservedCluster(Map<ObjectKey, HasMetadata> objects) {

    /** The kinds the operator creates, and so watches. */
    public static final List<Class<? extends HasMetadata>> KINDS = List.of(ConfigMap.class, Secret.class,
            Service.class, PodDisruptionBudget.class, PersistentVolumeClaim.class, Pod.class);

    /** An object's identity within one namespace. */
    public record ObjectKey(Class<? extends HasMetadata> kind, String name) {

        public static ObjectKey of(HasMetadata object) {
            return new ObjectKey(object.getClass(), object.getMetadata().getName());
        }
    }

    public ObservedCluster {
        objects = Map.copyOf(objects);
    }

    public static ObservedCluster of(Collection<? extends HasMetadata> objects) {
        Map<ObjectKey, HasMetadata> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(ObjectKey.of(o), o));
        return new ObservedCluster(byKey);
    }

    /** The observed counterpart of a desired object. */
    public Optional<HasMetadata> find(HasMetadata desired) {
        return Optional.ofNullable(objects.get(ObjectKey.of(desired)));
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return Optional.ofNullable(objects.get(new ObjectKey(kind, name))).map(kind::cast);
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        List<T> result = new ArrayList<>();
        objects.values().stream().filter(kind::isInstance).map(kind::cast).forEach(result::add);
        return result;
    }

    public Map<String, Pod> podsByName() {
        Map<String, Pod> pods = new LinkedHashMap<>();
        all(Pod.class).forEach(p -> pods.put(p.getMetadata().getName(), p));
        return pods;
    }

    /** This view with {@code written} objects replacing or adding to what was observed. */
    public ObservedCluster with(Collection<? extends HasMetadata> written) {
        Map<ObjectKey, HasMetadata> merged = new LinkedHashMap<>(objects);
        written.forEach(o -> merged.put(ObjectKey.of(o), o));
        return new ObservedCluster(merged);
    }
}
