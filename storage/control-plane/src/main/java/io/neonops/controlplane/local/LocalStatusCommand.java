package io.neonops.controlplane.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.neonops.controlplane.cluster.ClusterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code local status}: each daemon of the cluster started in DIR, whether it runs, its pid and ports. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows each daemon of the local cluster: running (with its pid), stale (its pid file is left from a"
                + " daemon that has exited) or absent (never started here), and its ports.")
public final class LocalStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkDirOption dir;

    @Override
    public Integer call() throws IOException {
        LocalWorkDir workDir = dir.workDir();
        ClusterSpec cluster = workDir.load().spec();
        LocalCluster local = workDir.inspect(cluster);
        PrintWriter out = spec.commandLine().getOut();
        out.println("cluster " + cluster.namespace() + "/" + cluster.name() + " in " + workDir.path());
        out.print(StatusTable.format(local.status(local.select(List.of()))));
        out.flush();
        return 0;
    }
}
