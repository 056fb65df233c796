{{/* The agent's pod spec, shared by the Deployment and the CronJob. */}}
{{- define "shipshape-agent.agentPodSpec" -}}
serviceAccountName: {{ include "shipshape-agent.serviceAccountName" . }}
# The agent reads the Kubernetes API: it is the one pod that needs a token.
automountServiceAccountToken: true
enableServiceLinks: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.agent.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
  seccompProfile:
    type: RuntimeDefault
{{- with .Values.agent.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.agent.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.agent.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
containers:
  - name: agent
    image: {{ include "shipshape-agent.image" . }}
    imagePullPolicy: {{ .Values.image.pullPolicy }}
    args:
      - agent
      - --in-cluster
      - --cluster-name=$(SHIPSHAPE_CLUSTER_NAME)
      - --interval=$(SHIPSHAPE_INTERVAL)
      - --spool-dir=/var/spool/shipshape
      {{- if eq .Values.agent.mode "cronjob" }}
      - --once
      {{- end }}
      {{- with .Values.include }}
      - --include={{ join "," . }}
      {{- end }}
      {{- if or .Values.exclude (eq .Values.rbac.secrets "none") }}
      - --exclude={{ include "shipshape-agent.exclude" . }}
      {{- end }}
      {{- if .Values.extraCA.configMapName }}
      - --ca-file={{ include "shipshape-agent.caFile" . }}
      {{- end }}
    env:
      {{- include "shipshape-agent.env" . | nindent 6 }}
    securityContext:
      {{- include "shipshape-agent.containerSecurityContext" . | nindent 6 }}
      runAsNonRoot: true
    resources:
      {{- toYaml .Values.agent.resources | nindent 6 }}
    volumeMounts:
      - name: spool
        mountPath: /var/spool/shipshape
      - name: tmp
        mountPath: /tmp
      {{- if .Values.extraCA.configMapName }}
      - name: extra-ca
        mountPath: /etc/shipshape/ca
        readOnly: true
      {{- end }}
volumes:
  - name: spool
    emptyDir:
      sizeLimit: {{ .Values.agent.spoolSizeLimit }}
  - name: tmp
    emptyDir:
      medium: Memory
      sizeLimit: 16Mi
  {{- if .Values.extraCA.configMapName }}
  - name: extra-ca
    configMap:
      name: {{ .Values.extraCA.configMapName }}
  {{- end }}
{{- end -}}
