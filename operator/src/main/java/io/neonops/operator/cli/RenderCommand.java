package io.neonops.operator.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.neonops.controlplane.cluster.ClusterManifest;
import io.neonops.controlplane.cluster.ManifestException;
import io.neonops.operator.render.ManifestRenderer;
import io.neonops.operator.resources.ClusterResources;
import io.neonops.operator.resources.KubernetesEnvironment;
import io.neonops.operator.resources.Owner;
import io.neonops.operator.tenant.TenancyRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
            "A file of several NeonClusters (documents separated by ---) renders every one of them.",
            "--tenants FILE adds, as YAML comments after the objects, the requests the operator would send to the"
                    + " storage controller for the NeonTenants and NeonTimelines in FILE (repeatable), whose clusters"
                    + " are among those rendered."})
public final class RenderCommand implements Callable<Integer> {

    static final String STDIN = "-";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE",
            description = "NeonCluster manifest; - reads standard input")
    String file;

    @Option(names = "--tenants", paramLabel = "FILE",
            description = "NeonTenant and NeonTimeline manifests whose storage controller requests are printed too")
    List<String> tenantFiles = List.of();

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
        String requests = tenantFiles.isEmpty() ? ""
                : TenancyRequests.render(manifests.stream().map(ClusterManifest::spec).toList(), tenancyDocuments(),
                        clusterDomain);
        PrintWriter out = spec.commandLine().getOut();
        for (ClusterManifest manifest : manifests) {
            JsonNode uid = manifest.document().path("metadata").path("uid");
            Owner owner = new Owner(manifest.spec().name(), uid.isTextual() ? Optional.of(uid.asText()) : Optional.empty());
            out.print(ManifestRenderer.yamlStream(ClusterResources.build(manifest.spec(), owner, clusterDomain)));
        }
        out.print(requests);
        out.flush();
        return 0;
    }

    /** Every document of the --tenants files; each must be a NeonTenant or a NeonTimeline. */
    private List<JsonNode> tenancyDocuments() throws ManifestException {
        List<JsonNode> documents = new ArrayList<>();
        for (String tenantFile : tenantFiles) {
            try (JsonParser parser = YAML.createParser(ClusterManifest.readText(Path.of(tenantFile)))) {
                while (parser.nextToken() != null) {
                    JsonNode document = YAML.readTree(parser);
                    if (document == null || document.isNull() || (document.isTextual() && document.asText().isEmpty())) {
                        continue;
                    }
                    if (!TenancyRequests.renders(document)) {
                        throw new ManifestException(tenantFile + ": expected apiVersion " + ClusterManifest.API_VERSION
                                + " and kind NeonTenant or NeonTimeline, got kind \"" + document.path("kind").asText() + "\"");
                    }
                    documents.add(document);
                }
            } catch (IOException e) {
                throw new ManifestException(tenantFile + ": not valid YAML: " + e.getMessage());
            }
        }
        return documents;
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
