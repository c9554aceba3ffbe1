package io.neonops.controlplane.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run a main class of the test classpath in a JVM of its own. */
public final class JavaCommand {

    private JavaCommand() {
    }

    public static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** -Xrs leaves SIGTERM and SIGQUIT to their default action (exit), as a daemon's stop expects. */
    public static List<String> of(Class<?> main, List<String> args) {
        return command(List.of("-Xrs"), main, args);
    }

    /** Without -Xrs: the program may handle SIGINT and SIGTERM itself, as the neon-operator command does. */
    public static List<String> handlingSignals(Class<?> main, List<String> args) {
        return command(List.of(), main, args);
    }

    private static List<String> command(List<String> signalOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(javaBinary().toString()));
        command.addAll(signalOptions);
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", classPath(), main.getName()));
        command.addAll(args);
        return command;
    }

    private static String classPath() {
        // surefire may run tests from a manifest-only jar; this property holds the real class path
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
