package io.neonops.controlplane.process;

/** Who claims a daemon's pid file. */
public enum PidFileMode {
    /** The daemon claims its pid file itself (pageserver, safekeeper); the launcher waits for that. */
    EXPECT,
    /**
     * The launcher claims the pid file and hands the locked descriptor to the daemon (etcd, which knows no pid
     * files): the file names the daemon's pid and stays locked exactly as long as the daemon lives.
     */
    CREATE
}
