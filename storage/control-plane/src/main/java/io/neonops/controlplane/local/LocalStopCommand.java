package io.neonops.controlplane.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.neonops.controlplane.process.StopMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code local stop}: stops the cluster's daemons in reverse start order; pid files stay. */
@Command(name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stops the local cluster's daemons (all, or the COMPONENTs named) in the order safekeepers,"
                + " pageserver, etcd. A stale pid file is left alone: nothing is signalled.")
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

    @Parameters(paramLabel = "COMPONENT", arity = "0..*",
            description = "etcd, pageserver or safekeeper-<id> (safekeeper alone means all of them); none means all")
    List<String> components = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Duration timeout = positiveSeconds(spec, "--timeout", timeoutSeconds);
        LocalWorkDir workDir = dir.workDir();
        LocalCluster cluster = workDir.inspect(workDir.load().spec());
        cluster.stop(cluster.select(components), immediate ? StopMode.IMMEDIATE : StopMode.FAST, timeout,
                spec.commandLine().getOut());
        return 0;
    }

    static Duration positiveSeconds(CommandSpec spec, String option, int seconds) {
        if (seconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be at least 1 second, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
