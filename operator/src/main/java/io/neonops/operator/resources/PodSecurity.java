package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * The restricted Pod Security Standard for every pod: the non-root user its image's files belong to (uid 1000 in
 * Neon's image, 999 in the official postgres image), no capabilities, no privilege escalation and the runtime's
 * default seccomp profile.
 */
public final class PodSecurity {

    private static final String RUNTIME_DEFAULT = "RuntimeDefault";

    private PodSecurity() {
    }

    /**
     * Volumes are made writable for the group, so the non-root daemons can write their data directories; each
     * image's user has a group of the same id.
     */
    public static PodSecurityContext pod(long userId) {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(userId)
                .withRunAsGroup(userId)
                .withFsGroup(userId)
                .withFsGroupChangePolicy("OnRootMismatch")
                .withNewSeccompProfile().withType(RUNTIME_DEFAULT).endSeccompProfile()
                .build();
    }

    public static SecurityContext container() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .withNewSeccompProfile().withType(RUNTIME_DEFAULT).endSeccompProfile()
                .build();
    }
}
