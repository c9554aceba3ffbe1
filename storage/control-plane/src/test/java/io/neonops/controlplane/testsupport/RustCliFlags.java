package io.neonops.controlplane.testsupport;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line as clap, the parser of Neon's Rust binaries, reads it: {@code --flag value}, {@code --flag=value},
 * {@code -f value}; switches without a value; an option the binary does not declare is an error, which clap
 * reports on stderr before exiting 2. The fakes declare every flag of the real binary, so a command line local mode
 * builds is accepted by the fake exactly when the real binary would accept it.
 *
 * @param values   the value of each option given, by its long name
 * @param switches the switches given
 */
record RustCliFlags(Map<String, String> values, Set<String> switches) {

    /** An invalid command line, reported as clap reports it. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Declared options.
     *
     * @param valueAliases every name (long, and short aliases) of an option taking a value, mapped to its long name
     * @param switchNames  the long names of the switches
     */
    record Declaration(Map<String, String> valueAliases, Set<String> switchNames) {

        static Declaration of(List<String> valueFlags, List<String> switchFlags, Map<String, String> shortAliases) {
            Map<String, String> aliases = new HashMap<>(shortAliases);
            valueFlags.forEach(flag -> aliases.put(flag, flag));
            return new Declaration(Map.copyOf(aliases), Set.copyOf(switchFlags));
        }

        /** The command line, or clap's error on stderr and exit 2. */
        RustCliFlags parseOrExit(String[] args) {
            try {
                return parse(args);
            } catch (UsageException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                throw new IllegalStateException(e);
            }
        }

        RustCliFlags parse(String[] args) throws UsageException {
            Map<String, String> values = new HashMap<>();
            Set<String> switches = new HashSet<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                int equals = arg.indexOf('=');
                String name = equals > 0 ? arg.substring(0, equals) : arg;
                if (switchNames.contains(name) && equals < 0) {
                    switches.add(name);
                } else if (valueAliases.containsKey(name)) {
                    String value;
                    if (equals > 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new UsageException("error: a value is required for '" + name + "' but none was supplied");
                    }
                    values.put(valueAliases.get(name), value);
                } else {
                    throw new UsageException("error: unexpected argument '" + arg + "' found");
                }
            }
            return new RustCliFlags(Map.copyOf(values), Set.copyOf(switches));
        }
    }

    Optional<String> value(String longName) {
        return Optional.ofNullable(values.get(longName));
    }

    /** The option, or the environment variable clap falls back to. */
    Optional<String> valueOrEnv(String longName, String environmentVariable) {
        return value(longName).or(() -> Optional.ofNullable(System.getenv(environmentVariable)));
    }

    boolean has(String switchName) {
        return switches.contains(switchName);
    }

    /** Prints a startup error and exits 1, as the binaries do; thrown for the compiler's sake. */
    static IllegalStateException exitWithError(String message) {
        System.out.println(message);
        System.exit(1);
        return new IllegalStateException(message);
    }
}
