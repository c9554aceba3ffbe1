package io.neonops.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar's manifest by Maven, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = NeonOperatorCommand.class.getPackage().getImplementationVersion();
        return new String[] {"neon-operator " + (version == null ? "development" : version)};
    }
}
