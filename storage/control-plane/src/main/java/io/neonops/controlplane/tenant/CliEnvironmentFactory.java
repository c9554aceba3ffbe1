package io.neonops.controlplane.tenant;

import picocli.CommandLine;

/**
 * Creates the commands of this package with a given {@link CliEnvironment}, and everything as
 * picocli's default factory does. Without it, the commands use {@link CliEnvironment#system()}.
 */
public final class CliEnvironmentFactory implements CommandLine.IFactory {

    private final CliEnvironment environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CliEnvironmentFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K created = fallback.create(type);
        if (created instanceof PageserverCommand<?> command) {
            command.environment = environment;
        }
        return created;
    }
}
