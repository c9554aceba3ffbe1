package io.neonops.operator.cluster.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the printer columns of a generated CRD back in the order the resource class declares them. The
 * generator sorts them by JSON path (fabric8 issue 7454), which would make {@code kubectl get} show Age
 * first; columns the class does not declare keep their place after the declared ones.
 */
public final class DeclaredPrinterColumnOrder implements CRDPostProcessor {

    private final List<String> declared;

    public DeclaredPrinterColumnOrder(Class<?> resource) {
        this.declared = Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name).toList();
    }

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            definition.getSpec().getVersions().forEach(this::reorder);
        }
        return crd;
    }

    private void reorder(CustomResourceDefinitionVersion version) {
        List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
        if (columns != null) {
            columns.sort(Comparator.comparingInt(this::position));
        }
    }

    /** The column's place among the declared ones; undeclared columns after them all (the sort is stable). */
    private int position(CustomResourceColumnDefinition column) {
        int index = declared.indexOf(column.getName());
        return index < 0 ? declared.size() : index;
    }
}
