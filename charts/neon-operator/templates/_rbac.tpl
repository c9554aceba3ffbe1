{{/*
The only place that lists what the operator may do; the ClusterRole (all namespaces) and the
per-namespace Roles (watchNamespaces) both render these rules, so they cannot drift apart.
They are exactly what the operator's code uses (io.neonops.operator.rbac.RequiredPermissions, which
derives them from the registered controller); RbacTemplateTest fails on anything missing or extra.
*/}}
{{- define "neon-operator.rbac.operatorRules" -}}
- apiGroups: ["neonops.io"]
  resources: ["neonclusters"]
  verbs: ["list", "watch"]
{{- /* tenants and timelines: the SDK patches their finalizers (reading them again on a conflict) */}}
- apiGroups: ["neonops.io"]
  resources: ["neontenants", "neontimelines"]
  verbs: ["get", "list", "watch", "patch"]
- apiGroups: ["neonops.io"]
  resources: ["neonclusters/status", "neontenants/status", "neontimelines/status"]
  verbs: ["patch"]
- apiGroups: ["neonops.io"]
  resources: ["neonclusters/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["configmaps", "persistentvolumeclaims", "services"]
  verbs: ["list", "watch", "create", "patch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["list", "watch", "create", "patch"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["create"]
{{- /* get: the Secret a cluster's spec.auth.apiTokenSecret names, when the pageservers must be asked;
       the rest: the storage controller database's password Secret, generated once (its informer sees only the
       operator's own Secrets, by label) */}}
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch"]
{{- /* a cluster's PodMonitor, read with a GET (no informer: the kind may be absent), written, deleted when turned off */}}
- apiGroups: ["monitoring.coreos.com"]
  resources: ["podmonitors"]
  verbs: ["get", "create", "patch", "delete"]
{{- end }}

{{/* The Lease lives in one namespace, so leader election gets a Role there and nothing cluster-wide. */}}
{{- define "neon-operator.rbac.leaderElectionRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update", "patch"]
{{- end }}

{{- define "neon-operator.rbac.subjects" -}}
- kind: ServiceAccount
  name: {{ include "neon-operator.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end }}
