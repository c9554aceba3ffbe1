package io.neonops.operator.tenant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which of several resources that name the same Neon id owns it: the one whose status already shows the id, else
 * the oldest (then the first by name). The others are refused, so that two resources never manage, and never
 * delete, one tenant or timeline.
 */
public final class Claims {

    private Claims() {
    }

    /**
     * The resource among {@code sameId} (every resource naming the id, {@code self} included or not) that owns the
     * id before {@code self}; empty when {@code self} owns it.
     *
     * @param claimed whether a resource's status already shows the id
     */
    public static <R extends HasMetadata> Optional<R> ownerOtherThan(R self, Stream<R> sameId, Function<R, Boolean> claimed) {
        Comparator<R> first = Comparator.<R, Boolean>comparing(r -> !claimed.apply(r))
                .thenComparing(r -> r.getMetadata().getCreationTimestamp() == null ? "" : r.getMetadata().getCreationTimestamp())
                .thenComparing(r -> r.getMetadata().getName());
        return sameId.filter(other -> !other.getMetadata().getName().equals(self.getMetadata().getName()))
                .filter(other -> first.compare(other, self) < 0)
                .min(first);
    }
}
