package io.neonops.controlplane.local;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.neonops.controlplane.process.StopMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code local stop}: stops the cluster's daemons in reverse start order; pid files stay. */
@Command(name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stops the local cluster's daemons (all, or the COMPONENTs named) in reverse start order"
                + " (safekeepers, pageserver, etcd; or pageservers, safekeepers, storage broker, storage controller, its"
                + " Postgres, which gets SIGINT, its fast shutdown). A stale pid file is left alone: nothing is signalled. A pid is signalled only when"
                + " /proc proves that it holds its pid file's lock. Works from the pid files alone when the manifest"
                + " is broken or gone.")
public final class LocalStopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkDirOption dir;

    @Option(names = "--immediate", description = "SIGQUIT: exit at once, without a clean shutdown (default: SIGTERM)")
    boolean immediate;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long each daemon may take to exit (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Mixin
    ComponentsParameter components;

    @Override
    public Integer call() throws IOException {
        Duration timeout = LocalCommand.positiveSeconds(spec, "--timeout", timeoutSeconds);
        LocalWorkDir workDir = dir.workDir();
        LocalWorkDir.Inventory inventory = workDir.inventory();
        inventory.manifestProblem().ifPresent(problem -> spec.commandLine().getErr()
                .println("note: " + problem + "; stopping the daemons found by their pid files"));
        new LocalDaemons().stop(LocalNodes.select(inventory.daemons(), components.names),
                immediate ? StopMode.IMMEDIATE : StopMode.FAST, timeout, spec.commandLine().getOut());
        return 0;
    }
}
