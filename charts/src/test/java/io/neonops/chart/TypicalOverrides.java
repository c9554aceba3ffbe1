package io.neonops.chart;

import java.util.List;

/** The overrides platform engineers set most, shared by the lint test and the rendering tests. */
final class TypicalOverrides {

    static final ValuesOverride WATCH_NAMESPACES =
            ValuesOverride.of("watchNamespaces", "watchNamespaces: [team-a, team-b]");

    static final ValuesOverride LEADER_ELECTION_OFF =
            ValuesOverride.of("leader election off", "leaderElection: {enabled: false}");

    static final ValuesOverride LEASE_ELSEWHERE = ValuesOverride.of("lease in another namespace", """
            leaderElection: {namespace: operators, leaseName: neon-lease}
            replicaCount: 2
            """);

    static final ValuesOverride RESOURCES = ValuesOverride.of("resources", """
            resources:
              requests: {cpu: 250m, memory: 512Mi}
              limits: {cpu: "2", memory: 1Gi}
            """);

    static final ValuesOverride IMAGE = ValuesOverride.of("image", """
            image: {repository: registry.example.com/neon/neon-operator, tag: 1.2.3, pullPolicy: Always}
            imagePullSecrets: [{name: regcred}]
            """);

    static final ValuesOverride PORTS_AND_TEXT_LOGS = ValuesOverride.of("ports and text logs", """
            health: {port: 9440}
            metrics: {port: 9090, service: {port: 9091}}
            logFormat: text
            serverSideApply: false
            """);

    static final ValuesOverride SERVICE_MONITOR = ValuesOverride.of("serviceMonitor", """
            metrics:
              serviceMonitor: {enabled: true, labels: {release: prometheus}, interval: 15s}
            """);

    static final ValuesOverride MONITORING = ValuesOverride.of("monitoring of the storage clusters", """
            monitoring:
              podMonitorsByDefault: true
              prometheusRule: {enabled: true, labels: {release: prometheus}, degradedFor: 5m}
              dashboard: {enabled: true, namespace: grafana, labels: {team: storage}}
            """);

    static final ValuesOverride NO_CRDS_NO_RBAC = ValuesOverride.of("CRDs and RBAC managed elsewhere", """
            crds: {install: false}
            rbac: {create: false}
            serviceAccount: {create: false, name: platform-operator}
            """);

    static List<ValuesOverride> all() {
        return List.of(ValuesOverride.DEFAULTS, WATCH_NAMESPACES, LEADER_ELECTION_OFF, LEASE_ELSEWHERE, RESOURCES, IMAGE,
                PORTS_AND_TEXT_LOGS, SERVICE_MONITOR, MONITORING, NO_CRDS_NO_RBAC);
    }

    private TypicalOverrides() {
    }
}
