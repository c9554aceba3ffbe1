{{/* Checks across values that values.schema.json cannot express, each failing with the field and the reason. */}}
{{- define "neon-operator.validate" -}}
{{- if eq (int .Values.health.port) (int .Values.metrics.port) }}
{{- fail (printf "health.port and metrics.port must differ (both are %v)" .Values.health.port) }}
{{- end }}
{{- if and (not .Values.leaderElection.enabled) (gt (int .Values.replicaCount) 1) }}
{{- fail (printf "replicaCount is %v but leaderElection.enabled is false: without a lease every replica would reconcile the same clusters at once; enable leader election or set replicaCount to 0 or 1" .Values.replicaCount) }}
{{- end }}
{{- end }}
