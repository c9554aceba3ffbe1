package io.neonops.operator.cluster.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.model.annotation.Kind;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts the printer columns of a generated CRD back in the order the resource class declares them. The
 * generator sorts them by JSON path (fabric8 issue 7454), which would make {@code kubectl get} show Age
 * first; columns the class does not declare keep their place after the declared ones.
 */
public final class DeclaredPrinterColumnOrder implements CRDPostProcessor {

    /** The declared column names of each resource class, by the kind its CRD names. */
    private final Map<String, List<String>> declaredByKind;

    public DeclaredPrinterColumnOrder(Class<?> resource) {
        this(List.of(resource));
    }

    public DeclaredPrinterColumnOrder(List<? extends Class<?>> resources) {
        this.declaredByKind = resources.stream().collect(Collectors.toMap(
                r -> r.isAnnotationPresent(Kind.class) ? r.getAnnotation(Kind.class).value() : r.getSimpleName(),
                (Function<Class<?>, List<String>>) r -> Arrays.stream(r.getAnnotationsByType(AdditionalPrinterColumn.class))
                        .map(AdditionalPrinterColumn::name).toList()));
    }

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            List<String> declared = declaredByKind.getOrDefault(definition.getSpec().getNames().getKind(), List.of());
            definition.getSpec().getVersions().forEach(version -> reorder(version, declared));
        }
        return crd;
    }

    private static void reorder(CustomResourceDefinitionVersion version, List<String> declared) {
        List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
        if (columns != null) {
            columns.sort(Comparator.comparingInt(column -> position(column, declared)));
        }
    }

    /** The column's place among the declared ones; undeclared columns after them all (the sort is stable). */
    private static int position(CustomResourceColumnDefinition column, List<String> declared) {
        int index = declared.indexOf(column.getName());
        return index < 0 ? declared.size() : index;
    }
}
