package io.neonops.controlplane.tenant;

import io.neonops.pageserver.api.PageserverClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that makes calls to one pageserver and prints what it got: a table, or JSON with
 * {@code --json}. A failed call ends the command with a one-line message (see {@link PageserverCall}).
 *
 * @param <T> what the command prints
 */
abstract class PageserverCommand<T> implements Callable<Integer> {

    // replaced by CliEnvironmentFactory in tests
    CliEnvironment environment = CliEnvironment.system();

    @Spec
    CommandSpec spec;

    @Mixin
    PageserverOptions pageserver;

    @Mixin
    OutputOptions output;

    /** Refuses option combinations picocli cannot express, before anything is contacted. */
    void checkArguments() {
    }

    /** The command's calls. */
    abstract T execute(PageserverClient client);

    /** How the result looks as a table. */
    abstract TextTable table(T result);

    @Override
    public final Integer call() {
        checkArguments();
        T result = execute(pageserver.connect(environment));
        output.print(spec.commandLine().getOut(), result, table(result));
        return 0;
    }
}
