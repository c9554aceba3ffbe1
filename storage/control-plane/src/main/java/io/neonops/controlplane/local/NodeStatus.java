package io.neonops.controlplane.local;

import io.neonops.controlplane.process.DaemonState;

/** A daemon and whether it runs. */
record NodeStatus(LocalDaemon daemon, DaemonState state) {
}
