package io.neonops.controlplane.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code local status}: each daemon of the cluster started in DIR, whether it runs, its pid and ports. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows each daemon of the local cluster: running (with its pid), stale (its pid file is left from a"
                + " daemon that has exited) or absent (never started here), and its ports. The pid files are the truth:"
                + " without a usable manifest, the daemons are found by their pid files.")
public final class LocalStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkDirOption dir;

    @Override
    public Integer call() throws IOException {
        LocalWorkDir workDir = dir.workDir();
        LocalWorkDir.Inventory inventory = workDir.inventory();
        PrintWriter out = spec.commandLine().getOut();
        out.println(inventory.cluster()
                .map(cluster -> "cluster " + cluster.namespace() + "/" + cluster.name() + " in " + workDir.path())
                .orElseGet(() -> "daemons found by their pid files in " + workDir.path() + " ("
                        + inventory.manifestProblem().orElseThrow() + ")"));
        out.print(StatusTable.format(new LocalDaemons().status(inventory.daemons())));
        out.flush();
        return 0;
    }
}
