package io.neonops.controlplane.component;

/** How to tell that a node is ready: an HTTP GET for Neon's daemons and etcd, a command for Postgres. */
public sealed interface NodeProbe permits HttpProbe, ExecProbe {
}
