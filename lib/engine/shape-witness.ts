// A small synthetic cluster that a long-running process scans once and keeps (see runScan's
// `keepShapeWitness`). V8 gives the objects a scan builds (index, views, RBAC model, finding sinks) hidden
// classes that only live while some object has them; a memory-reducing collection (an idle process, or
// `gc()` between benchmark rounds) drops them with the last scan's objects, and with them every optimized
// function that was specialized for them, so the next scan runs unoptimized code and recompiles
// (~100 functions per scan of the 10k-object Helm corpus). Keeping this scan's per-scan objects alive
// (`keepShape`) keeps those hidden classes, and the next scan's objects get the same ones. Made-up
// objects only: no user data outlives a scan.
import type { K8sObject } from "./types";

// While the witness is scanned: the per-scan objects that hot code reads (context, finding sinks, failure
// collectors), kept with it. Objects reached from them (index, views, models) are kept too.
let keeping: unknown[] | undefined;

/** Called where a scan builds such an object; keeps it when the scan is the witness's. */
export function keepShape(object: unknown): void {
  keeping?.push(object);
}

/** Runs the witness scan; returns what it kept. */
export function keepShapesOf(scan: () => void): unknown[] {
  const kept: unknown[] = [];
  const outer = keeping;
  keeping = kept;
  try {
    scan();
  } finally {
    keeping = outer;
  }
  return kept;
}

const labels = { "app.kubernetes.io/name": "shop", "app.kubernetes.io/instance": "shop", app: "shop" };

const podSpec = {
  serviceAccountName: "shop",
  securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
  volumes: [
    { name: "data", emptyDir: {} },
    { name: "logs", hostPath: { path: "/var/log" } },
    { name: "config", configMap: { name: "shop-config" } },
    { name: "token", secret: { secretName: "shop-token" } },
  ],
  initContainers: [{ name: "migrate", image: "registry.example.com/shop/migrate:1.0", command: ["sh", "-c", "migrate --all"] }],
  containers: [
    {
      name: "web",
      image: "registry.example.com/shop/web:1.4.2",
      imagePullPolicy: "IfNotPresent",
      args: ["--port=8080", "--db-password=hunter2"],
      ports: [{ containerPort: 8080, hostPort: 8080 }],
      env: [
        { name: "DB_HOST", value: "db" },
        { name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "shop-token", key: "token" } } },
        { name: "LEVEL", valueFrom: { configMapKeyRef: { name: "shop-config", key: "level" } } },
      ],
      envFrom: [{ secretRef: { name: "shop-env" } }],
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } },
      readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
      volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "logs", mountPath: "/logs" }],
    },
    {
      name: "sidecar",
      image: "busybox:latest",
      securityContext: { privileged: true, runAsUser: 0 },
    },
  ],
};

const owner = (kind: string, name: string) => [{ apiVersion: "apps/v1", kind, name, uid: `uid-${name}`, controller: true }];

export const SHAPE_WITNESS_OBJECTS: readonly K8sObject[] = [
  { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels: { "pod-security.kubernetes.io/enforce": "baseline" } } },
  { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-system" } },
  { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "shop", namespace: "shop", uid: "uid-shop", labels }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } } },
  { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "shop-1", namespace: "shop", uid: "uid-shop-1", labels, ownerReferences: owner("Deployment", "shop") }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } } },
  { apiVersion: "v1", kind: "Pod", metadata: { name: "shop-1-a", namespace: "shop", labels, ownerReferences: owner("ReplicaSet", "shop-1") }, spec: podSpec },
  { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent", namespace: "kube-system", labels: { app: "agent" } }, spec: { selector: { matchLabels: { app: "agent" } }, template: { metadata: { labels: { app: "agent" } }, spec: { hostNetwork: true, hostPID: true, containers: [{ name: "agent", image: "agent:2" }] } } } },
  { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db", namespace: "default" }, spec: { selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { automountServiceAccountToken: false, containers: [{ name: "db", image: "postgres@sha256:0000000000000000000000000000000000000000000000000000000000000000", ports: [{ containerPort: 5432 }] }] } } } },
  { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "report", namespace: "shop" }, spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "report", image: "report:1", command: ["ssh", "-i", "/key"] }] } } } } } },
  { apiVersion: "v1", kind: "Pod", metadata: { name: "kube-apiserver-node1", namespace: "kube-system", labels: { component: "kube-apiserver", tier: "control-plane" } }, spec: { hostNetwork: true, containers: [{ name: "kube-apiserver", image: "registry.k8s.io/kube-apiserver:v1.30.0", command: ["kube-apiserver", "--anonymous-auth=true", "--authorization-mode=Node,RBAC", "--profiling=true", "--audit-log-maxage=7"] }] } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "shop", namespace: "shop" }, spec: { type: "LoadBalancer", selector: { app: "shop" }, ports: [{ port: 80, targetPort: 8080 }] } },
  { apiVersion: "v1", kind: "Service", metadata: { name: "db", namespace: "default" }, spec: { type: "NodePort", selector: { app: "db" }, ports: [{ port: 5432, nodePort: 30432 }], externalIPs: ["203.0.113.7"] } },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "shop", namespace: "shop", annotations: { "nginx.ingress.kubernetes.io/server-snippet": "return 200;" } }, spec: { rules: [{ host: "shop.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "shop", port: { number: 80 } } } }] } }] } },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "web", namespace: "shop" }, spec: { podSelector: { matchLabels: { app: "shop" } }, policyTypes: ["Ingress"], ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] } },
  { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "shop-config", namespace: "shop" }, data: { level: "debug", "app.properties": "db.url=postgres://shop:secret@db:5432/shop\naws_secret_access_key = abc\n" } },
  { apiVersion: "v1", kind: "Secret", metadata: { name: "shop-token", namespace: "shop" }, type: "Opaque" },
  { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "shop", namespace: "shop" } },
  { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "shop" }, automountServiceAccountToken: true },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "shop", namespace: "shop" }, rules: [{ apiGroups: [""], resources: ["secrets", "pods/exec", "configmaps"], verbs: ["get", "list", "create"] }] },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "shop", namespace: "shop" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "shop" }, subjects: [{ kind: "ServiceAccount", name: "shop", namespace: "shop" }, { kind: "Group", name: "system:authenticated", apiGroup: "rbac.authorization.k8s.io" }] },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "ops" }, rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["/metrics"], verbs: ["get"] }], aggregationRule: { clusterRoleSelectors: [{ matchLabels: { aggregate: "ops" } }] } },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "ops-extra", labels: { aggregate: "ops" } }, rules: [{ apiGroups: [""], resources: ["nodes/proxy"], verbs: ["get"] }, { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate", "bind"] }] },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "ops" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "ops" }, subjects: [{ kind: "ServiceAccount", name: "shop", namespace: "shop" }, { kind: "User", name: "alice", apiGroup: "rbac.authorization.k8s.io" }] },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "gone" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "missing" }, subjects: [{ kind: "User", name: "system:anonymous" }] },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "shop", namespace: "shop" }, spec: { maxUnavailable: 0, selector: { matchLabels: { app: "shop" } } } },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "shop", namespace: "shop" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "shop" }, minReplicas: 1, maxReplicas: 3 } },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", metadata: { name: "inject" }, webhooks: [{ name: "inject.example.com", failurePolicy: "Ignore", rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }], clientConfig: { service: { name: "inject", namespace: "shop" } } }] },
  { apiVersion: "v1", kind: "LimitRange", metadata: { name: "limits", namespace: "shop" }, spec: { limits: [{ type: "Container", default: { memory: "256Mi" } }] } },
];
