package io.neonops.operator.status;

import java.util.Objects;

/**
 * Why the operator will not act on a spec: the API server could not reject it (a parser error, a scale-down,
 * an unsafe change, removing a Postgres major that timelines may still use), so it is reported on the resource
 * instead. The same shape says why it cannot act on it yet, when a daemon refuses a step the spec needs.
 *
 * @param reason  a CamelCase reason for the Degraded condition and the Event
 * @param message what is wrong, naming the field, e.g. {@code spec.safekeepers.replicas: ...}
 */
public record Refusal(String reason, String message) {

    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String SCALE_DOWN_REFUSED = "ScaleDownRefused";
    public static final String UNSAFE_VOLUME_CHANGE = "UnsafeVolumeChange";
    public static final String POSTGRES_VERSION_IN_USE = "PostgresVersionInUse";
    /** The etcd volume claims' record of the bootstrap members is unreadable or contradicts itself. */
    public static final String INVALID_ETCD_BOOTSTRAP = "InvalidEtcdBootstrap";
    /** etcd could not be asked, or refused, to add a member before its pod is created. */
    public static final String ETCD_MEMBER_ADD_FAILED = "EtcdMemberAddFailed";
    /** A member's data volume is gone; it is not created again empty without the user's consent. */
    public static final String VOLUME_LOST = "VolumeLost";
    /** The managed database's password Secret is gone while its volume, initialised with that password, exists. */
    public static final String DATABASE_SECRET_LOST = "DatabaseSecretLost";
    /** The API server refused a write (quota, admission, an immutable field); it is retried. */
    public static final String WRITE_FAILED = "WriteFailed";
    /** The storage controller did not answer, or refused to register a safekeeper; it is retried with backoff. */
    public static final String SAFEKEEPER_REGISTRATION_FAILED = "SafekeeperRegistrationFailed";
    /** The storage controller failed a drain or fill call of a pageserver's restart (not a documented answer); retried. */
    public static final String PAGESERVER_DRAIN_CALL_FAILED = "PageserverDrainCallFailed";
    /** The storage controller failed, or refuses for now, to delete a pageserver node the spec no longer wants; retried. */
    public static final String PAGESERVER_REMOVAL_FAILED = "PageserverRemovalFailed";

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
