package io.neonops.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ManifestException;
import io.neonops.operator.render.ManifestRenderer;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render -f FILE}: the manifests the operator would create for a NeonCluster, offline. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Prints, without contacting any cluster, the exact objects the operator creates for a NeonCluster "
                    + "(a YAML stream), e.g. to review a change in a GitOps pull request.",
            "Owner references carry the resource's metadata.uid when the file has one "
                    + "(as `kubectl get neoncluster NAME -o yaml` prints it).",
            "A file of several NeonClusters (documents separated by ---) renders every one of them."})
public final class RenderCommand implements Callable<Integer> {

    static final String STDIN = "-";

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "NeonCluster manifest; - reads standard input")
    String file;

    @Option(names = "--cluster-domain", paramLabel = "DOMAIN", defaultValue = KubernetesEnvironment.DEFAULT_CLUSTER_DOMAIN,
            description = "DNS domain of the Kubernetes cluster (default: ${DEFAULT-VALUE})")
    String clusterDomain;

    private final InputStream stdin;

    public RenderCommand() {
        this(System.in);
    }

    RenderCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws ManifestException {
        // every cluster is validated before anything is printed: a stream is rendered whole or not at all
        List<ClusterManifest> manifests = read();
        PrintWriter out = spec.commandLine().getOut();
        for (ClusterManifest manifest : manifests) {
            JsonNode uid = manifest.document().path("metadata").path("uid");
            Owner owner = new Owner(manifest.spec().name(), uid.isTextual() ? Optional.of(uid.asText()) : Optional.empty());
            out.print(ManifestRenderer.yamlStream(ClusterResources.build(manifest.spec(), owner, clusterDomain)));
        }
        out.flush();
        return 0;
    }

    private List<ClusterManifest> read() throws ManifestException {
        if (!STDIN.equals(file)) {
            return ClusterManifest.parseAll(ClusterManifest.readText(Path.of(file)), file);
        }
        try {
            return ClusterManifest.parseAll(ClusterManifest.decode(stdin, "<stdin>"), "<stdin>");
        } catch (IOException e) {
            throw new ManifestException("<stdin>: cannot read: " + e.getMessage());
        }
    }
}
