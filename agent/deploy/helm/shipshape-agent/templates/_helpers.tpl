{{/* Names: the release's full name, truncated to the 63 characters a label allows. */}}
{{- define "shipshape-agent.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "shipshape-agent.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "shipshape-agent.nodeName" -}}
{{- printf "%s-node" (include "shipshape-agent.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "shipshape-agent.serviceAccountName" -}}
{{- default (include "shipshape-agent.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{- define "shipshape-agent.nodeServiceAccountName" -}}
{{- printf "%s-node" (include "shipshape-agent.serviceAccountName" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "shipshape-agent.secretName" -}}
{{- default (include "shipshape-agent.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "shipshape-agent.labels" -}}
app: {{ include "shipshape-agent.name" . }}
app.kubernetes.io/name: {{ include "shipshape-agent.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: shipshape
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component ("agent" or "node"): call with (dict "root" $ "component" "agent"). */}}
{{- define "shipshape-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "shipshape-agent.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "shipshape-agent.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" .Values.image.repository $tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The agent's default exclude list (agent/src/collect/discover-resources.ts DEFAULT_EXCLUDED). */}}
{{- define "shipshape-agent.defaultExclude" -}}
events,events.events.k8s.io,leases.coordination.k8s.io,endpoints,endpointslices.discovery.k8s.io,componentstatuses,bindings,tokenreviews.authentication.k8s.io,selfsubjectreviews.authentication.k8s.io,subjectaccessreviews.authorization.k8s.io,selfsubjectaccessreviews.authorization.k8s.io,selfsubjectrulesreviews.authorization.k8s.io,localsubjectaccessreviews.authorization.k8s.io,nodes.metrics.k8s.io,pods.metrics.k8s.io,controllerrevisions.apps,replicasets.apps
{{- end -}}

{{/* --exclude for the agent: the user's list, or the default; with rbac.secrets=none, secrets too. */}}
{{- define "shipshape-agent.exclude" -}}
{{- $list := .Values.exclude -}}
{{- if not $list -}}{{- $list = splitList "," (include "shipshape-agent.defaultExclude" .) -}}{{- end -}}
{{- if eq .Values.rbac.secrets "none" -}}{{- $list = append $list "secrets" -}}{{- end -}}
{{- join "," (uniq $list) -}}
{{- end -}}

{{/* Environment shared by the agent and node mode: backend, token, proxy. */}}
{{- define "shipshape-agent.env" -}}
- name: SHIPSHAPE_SERVER
  valueFrom:
    configMapKeyRef:
      name: {{ include "shipshape-agent.fullname" . }}
      key: SHIPSHAPE_SERVER
- name: SHIPSHAPE_CLUSTER_NAME
  valueFrom:
    configMapKeyRef:
      name: {{ include "shipshape-agent.fullname" . }}
      key: SHIPSHAPE_CLUSTER_NAME
- name: SHIPSHAPE_INTERVAL
  valueFrom:
    configMapKeyRef:
      name: {{ include "shipshape-agent.fullname" . }}
      key: SHIPSHAPE_INTERVAL
- name: SHIPSHAPE_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "shipshape-agent.secretName" . }}
      key: {{ .Values.existingSecretKey }}
{{- with .Values.proxy }}
{{- if .httpsProxy }}
- name: HTTPS_PROXY
  value: {{ .httpsProxy | quote }}
{{- end }}
{{- if .httpProxy }}
- name: HTTP_PROXY
  value: {{ .httpProxy | quote }}
{{- end }}
{{- if .noProxy }}
- name: NO_PROXY
  value: {{ .noProxy | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Container security context shared by every container of the chart. */}}
{{- define "shipshape-agent.containerSecurityContext" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Volume name of a host directory: /var/lib/kubelet → host-var-lib-kubelet. */}}
{{- define "shipshape-agent.hostVolumeName" -}}
{{- printf "host%s" (. | replace "/" "-" | replace "." "-" | replace "_" "-" | lower) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Extra CA mount: volume and mount, and the --ca-file flag. */}}
{{- define "shipshape-agent.caFile" -}}
/etc/shipshape/ca/{{ .Values.extraCA.key }}
{{- end -}}
