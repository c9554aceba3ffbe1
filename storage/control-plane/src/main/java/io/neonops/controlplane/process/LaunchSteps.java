package io.neonops.controlplane.process;

import java.io.IOException;
import java.util.Objects;

/**
 * What a daemon needs done around its start, under the launch lock: preparing what it runs on (Postgres's
 * {@code initdb}) before it is spawned, and what it must hold once it serves (the storage controller's database).
 */
public record LaunchSteps(Step beforeSpawn, Step whenReady) {

    public static final LaunchSteps NONE = new LaunchSteps(() -> { }, () -> { });

    /** One step; it fails with a message that reads after "was ready, but". */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    public LaunchSteps {
        Objects.requireNonNull(beforeSpawn, "beforeSpawn");
        Objects.requireNonNull(whenReady, "whenReady");
    }
}
