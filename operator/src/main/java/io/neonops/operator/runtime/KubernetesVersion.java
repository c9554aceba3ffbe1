package io.neonops.operator.runtime;

import io.fabric8.kubernetes.client.VersionInfo;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor release, e.g. {@code 1.28}.
 *
 * @param major e.g. 1
 * @param minor e.g. 28
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    /**
     * The oldest API server the operator supports: the CRD's validation rules name the offending field with
     * {@code fieldPath}, which API servers accept from 1.28 on; everything else the operator uses is older.
     * The chart's {@code kubeVersion} says the same, which the chart's tests check.
     */
    public static final KubernetesVersion MINIMUM = new KubernetesVersion(1, 28);

    private static final Pattern GIT_VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");
    private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d+)");

    /**
     * The release an API server reports: from its {@code gitVersion} ({@code v1.28.3-eks-...}), else from
     * {@code major} and {@code minor} (which some providers write as {@code 28+}); empty when it says neither.
     */
    public static Optional<KubernetesVersion> of(VersionInfo info) {
        Matcher git = GIT_VERSION.matcher(info.getGitVersion() == null ? "" : info.getGitVersion());
        if (git.find()) {
            return Optional.of(new KubernetesVersion(Integer.parseInt(git.group(1)), Integer.parseInt(git.group(2))));
        }
        return leadingNumber(info.getMajor())
                .flatMap(major -> leadingNumber(info.getMinor()).map(minor -> new KubernetesVersion(major, minor)));
    }

    private static Optional<Integer> leadingNumber(String text) {
        Matcher digits = LEADING_DIGITS.matcher(text == null ? "" : text);
        return digits.find() ? Optional.of(Integer.parseInt(digits.group(1))) : Optional.empty();
    }

    @Override
    public int compareTo(KubernetesVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
