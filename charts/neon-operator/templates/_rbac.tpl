{{/*
The only place that lists what the operator may do; the ClusterRole (all namespaces) and the
per-namespace Roles (watchNamespaces) both render these rules, so they cannot drift apart.
*/}}
{{- define "neon-operator.rbac.operatorRules" -}}
- apiGroups: ["neonops.io"]
  resources: ["neonclusters"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["neonops.io"]
  resources: ["neonclusters/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["neonops.io"]
  resources: ["neonclusters/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["pods", "persistentvolumeclaims", "services", "configmaps"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["", "events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}

{{/* The Lease lives in one namespace, so leader election gets a Role there and nothing cluster-wide. */}}
{{- define "neon-operator.rbac.leaderElectionRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "list", "watch", "create", "update", "patch"]
{{- end }}

{{- define "neon-operator.rbac.subjects" -}}
- kind: ServiceAccount
  name: {{ include "neon-operator.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end }}
