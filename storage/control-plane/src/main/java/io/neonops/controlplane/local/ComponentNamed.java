package io.neonops.controlplane.local;

import io.neonops.controlplane.component.Component;

/** What a local command's COMPONENT arguments choose by: a node's own name, or its component's. */
sealed interface ComponentNamed permits LocalNode, LocalDaemon {

    String name();

    Component component();
}
