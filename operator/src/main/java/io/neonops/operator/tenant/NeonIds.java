package io.neonops.operator.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id a NeonTenant or NeonTimeline gets when its spec names none: derived from what identifies the resource
 * (kind, namespace, name), so that it is the same on every re-sync, after an operator restart, and after the
 * resource is restored from git or a backup, with nothing written before Neon is asked to create it. Two
 * resources get the same derived id only if SHA-256 collides in its first 128 bits.
 */
public final class NeonIds {

    private NeonIds() {
    }

    /** 32 lower-case hex digits: the first 16 bytes of SHA-256 of {@code neonops.io/KIND/NAMESPACE/NAME}. */
    public static String derived(String kind, String namespace, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("neonops.io/" + kind + "/" + namespace + "/" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
