package io.neonops.controlplane.cluster;

import java.util.regex.Pattern;

/**
 * What Kubernetes requires of the name of an object a spec refers to, such as a Secret: a DNS-1123 subdomain. The
 * constants are the ones the CRD's schema carries, so the API server and the parser refuse the same names.
 */
public final class ObjectNames {

    /** Anchored, because an OpenAPI {@code pattern} matches anywhere in the value otherwise. */
    public static final String PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    public static final int MAX_LENGTH = 253;
    public static final String RULE = "lower-case letters, digits, '-' and '.', starting and ending with a letter or"
            + " digit, at most " + MAX_LENGTH + " characters";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ObjectNames() {
    }

    public static boolean isValid(String name) {
        return name.length() <= MAX_LENGTH && COMPILED.matcher(name).matches();
    }
}
