package io.neonops.controlplane.local;

import io.neonops.controlplane.process.DaemonState;

/** A node and whether it runs. */
record NodeStatus(LocalNode node, DaemonState state) {
}
