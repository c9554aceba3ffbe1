package io.neonops.controlplane.testsupport;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link TestDaemon}: its own options, plus enough of pageserver's ({@code -D DIR -c
 * listen_http_addr='HOST:PORT' -c listen_pg_addr=...}) and safekeeper's ({@code -D DIR --listen-http HOST:PORT
 * --listen-pg HOST:PORT ...}) that wrapper scripts named after them can pass their arguments on unchanged.
 */
record TestDaemonOptions(Optional<String> kind, Optional<Path> dataDir, Path pidFile, InetSocketAddress listenHttp,
        Optional<InetSocketAddress> listenPg, boolean claim, boolean exitAtOnce, boolean neverReady, List<Path> authPublicKeys) {

    /** Options of the real daemons whose values the test daemon has no use for. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("--id", "--broker-endpoints", "--remote-storage",
            "--auth-validation-public-key-path", "--advertise-pg", "--availability-zone", "--broker-endpoint");
    /** The modern safekeeper's key files, one flag per API. */
    private static final Set<String> AUTH_KEY_FLAGS = Set.of("--pg-auth-public-key-path", "--http-auth-public-key-path",
            "--pg-tenant-only-auth-public-key-path");
    private static final Set<String> IGNORED_CONFIG_KEYS = Set.of("id");

    static TestDaemonOptions parse(String[] args) {
        Builder options = new Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-claim")) {
                options.claim = false;
            } else if (arg.equals("--exit-at-once")) {
                options.exitAtOnce = true;
            } else if (arg.equals("--never-ready")) {
                options.neverReady = true;
            } else if (i + 1 < args.length) {
                options.set(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("test daemon: " + arg + " needs a value");
            }
        }
        return options.build();
    }

    private static final class Builder {
        private String kind;
        private Path dataDir;
        private Path pidFile;
        private InetSocketAddress listenHttp;
        private InetSocketAddress listenPg;
        private boolean claim = true;
        private boolean exitAtOnce;
        private boolean neverReady;
        private final List<Path> authPublicKeys = new ArrayList<>();

        void set(String option, String value) {
            switch (option) {
                case "--kind" -> kind = value;
                case "-D" -> dataDir = Path.of(value);
                case "--pid-file" -> pidFile = Path.of(value);
                case "--listen-http" -> listenHttp = address(value);
                case "--listen-pg" -> listenPg = address(value);
                case "-c" -> setConfig(value);
                default -> {
                    if (AUTH_KEY_FLAGS.contains(option)) {
                        authPublicKeys.add(Path.of(value));
                    } else if (!IGNORED_WITH_VALUE.contains(option)) {
                        throw new IllegalArgumentException("unknown test daemon argument: " + option);
                    }
                }
            }
        }

        private void setConfig(String keyValue) {
            int equals = keyValue.indexOf('=');
            String key = keyValue.substring(0, equals);
            String value = keyValue.substring(equals + 1).replaceAll("^[\"']|[\"']$", "");
            switch (key) {
                case "listen_http_addr" -> listenHttp = address(value);
                case "listen_pg_addr" -> listenPg = address(value);
                default -> {
                    if (!IGNORED_CONFIG_KEYS.contains(key)) {
                        throw new IllegalArgumentException("unknown test daemon config key: " + key);
                    }
                }
            }
        }

        TestDaemonOptions build() {
            if (pidFile == null && dataDir != null && kind != null) {
                pidFile = dataDir.resolve(kind + ".pid");
            }
            if (!exitAtOnce && (listenHttp == null || (claim && pidFile == null))) {
                throw new IllegalArgumentException("the test daemon needs an HTTP address and, unless --no-claim, a pid file"
                        + " (--pid-file, or --kind with -D)");
            }
            return new TestDaemonOptions(Optional.ofNullable(kind), Optional.ofNullable(dataDir), pidFile, listenHttp,
                    Optional.ofNullable(listenPg), claim, exitAtOnce, neverReady, List.copyOf(authPublicKeys));
        }
    }

    static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
