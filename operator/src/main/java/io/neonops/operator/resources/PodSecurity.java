package io.neonops.operator.resources;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * The restricted Pod Security Standard for every pod: a fixed non-root user (Neon's image runs as uid 1000),
 * no capabilities, no privilege escalation and the runtime's default seccomp profile.
 */
public final class PodSecurity {

    public static final long USER_ID = 1000L;
    public static final long GROUP_ID = 1000L;
    private static final String RUNTIME_DEFAULT = "RuntimeDefault";

    private PodSecurity() {
    }

    /** Volumes are made writable for the group, so the non-root daemons can write their data directories. */
    public static PodSecurityContext pod() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(USER_ID)
                .withRunAsGroup(GROUP_ID)
                .withFsGroup(GROUP_ID)
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
