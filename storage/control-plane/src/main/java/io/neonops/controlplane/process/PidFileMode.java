package io.neonops.controlplane.process;

/** Who claims a daemon's pid file. */
public enum PidFileMode {
    /** The daemon claims its own pid file (pageserver, safekeeper); the launcher only reads it. */
    EXPECT,
    /**
     * The launcher claims the pid file and hands the locked descriptor to the daemon (etcd, which knows no
     * pid files), so the lock lives exactly as long as the daemon.
     */
    CREATE
}
