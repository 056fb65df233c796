// Synthetic Kubernetes objects for a demo cluster on a given day: the kind of inventory an agent
// collects (namespaces, workloads, services, ingresses, RBAC, network policies, nodes), with the
// mix of good and bad configuration real clusters have. Scored by the real engine.
import { createHash } from "node:crypto";
import type { K8sObject } from "@/lib/engine/types";
import type { ChangeKey } from "./cluster-timeline";
import { DeterministicRandom, stableUid } from "./deterministic-random";
import type { DemoClusterSpec, PostureProfile } from "./demo-fleet";

type Hardening = PostureProfile;

interface ContainerOptions {
  name: string;
  image: string;
  port?: number;
  hardening: Hardening;
  env?: { name: string; value: string }[];
}

interface WorkloadOptions {
  namespace: string;
  name: string;
  kind?: "Deployment" | "StatefulSet" | "DaemonSet";
  replicas?: number;
  serviceAccount?: string;
  hardening: Hardening;
  containers: ContainerOptions[];
  podSpec?: Record<string, unknown>;
  labels?: Record<string, string>;
}

class ObjectFactory {
  readonly objects: K8sObject[] = [];

  constructor(private readonly clusterName: string) {}

  private meta(kind: string, name: string, namespace?: string, labels?: Record<string, string>) {
    return {
      name,
      ...(namespace ? { namespace } : {}),
      uid: stableUid(this.clusterName, kind, namespace ?? "", name),
      ...(labels ? { labels } : {}),
    };
  }

  add(apiVersion: string, kind: string, name: string, namespace: string | undefined, body: Record<string, unknown>, labels?: Record<string, string>) {
    this.objects.push({ apiVersion, kind, metadata: this.meta(kind, name, namespace, labels), ...body });
  }

  namespace(name: string, podSecurityLevel?: "restricted" | "baseline") {
    const labels: Record<string, string> = { "kubernetes.io/metadata.name": name };
    if (podSecurityLevel) labels["pod-security.kubernetes.io/enforce"] = podSecurityLevel;
    this.add("v1", "Namespace", name, undefined, { spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } }, labels);
  }

  serviceAccount(namespace: string, name: string, automount?: boolean) {
    this.add("v1", "ServiceAccount", name, namespace, automount === undefined ? {} : { automountServiceAccountToken: automount });
  }

  workload(options: WorkloadOptions) {
    const kind = options.kind ?? "Deployment";
    const selector = { "app.kubernetes.io/name": options.name };
    const podLabels = { ...selector, ...(options.labels ?? {}) };
    const podSpec: Record<string, unknown> = {
      ...(options.serviceAccount ? { serviceAccountName: options.serviceAccount } : {}),
      containers: options.containers.map(containerSpec),
      ...(options.hardening === "hardened"
        ? {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              runAsGroup: 10001,
              fsGroup: 10001,
              seccompProfile: { type: "RuntimeDefault" },
            },
          }
        : {}),
      ...(options.podSpec ?? {}),
    };
    const spec: Record<string, unknown> = {
      selector: { matchLabels: selector },
      template: { metadata: { labels: podLabels }, spec: podSpec },
    };
    if (kind !== "DaemonSet") spec.replicas = options.replicas ?? 2;
    if (kind === "StatefulSet") spec.serviceName = options.name;
    this.add("apps/v1", kind, options.name, options.namespace, { spec }, podLabels);
  }

  service(namespace: string, name: string, port: number, type: "ClusterIP" | "NodePort" | "LoadBalancer" = "ClusterIP", selectorName = name) {
    this.add("v1", "Service", name, namespace, {
      spec: {
        type,
        selector: { "app.kubernetes.io/name": selectorName },
        ports: [{ name: "http", port, targetPort: port, protocol: "TCP", ...(type === "NodePort" ? { nodePort: 30000 + (port % 2000) } : {}) }],
      },
    });
  }

  ingress(namespace: string, host: string, serviceName: string, port: number, tls: boolean) {
    this.add("networking.k8s.io/v1", "Ingress", serviceName, namespace, {
      spec: {
        ingressClassName: "nginx",
        ...(tls ? { tls: [{ hosts: [host], secretName: `${serviceName}-tls` }] } : {}),
        rules: [
          {
            host,
            http: {
              paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: serviceName, port: { number: port } } } }],
            },
          },
        ],
      },
    });
  }

  clusterRole(name: string, rules: unknown[]) {
    this.add("rbac.authorization.k8s.io/v1", "ClusterRole", name, undefined, { rules });
  }

  role(namespace: string, name: string, rules: unknown[]) {
    this.add("rbac.authorization.k8s.io/v1", "Role", name, namespace, { rules });
  }

  clusterRoleBinding(name: string, role: string, subjects: unknown[]) {
    this.add("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", name, undefined, {
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
      subjects,
    });
  }

  roleBinding(namespace: string, name: string, roleKind: "Role" | "ClusterRole", role: string, subjects: unknown[]) {
    this.add("rbac.authorization.k8s.io/v1", "RoleBinding", name, namespace, {
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: role },
      subjects,
    });
  }

  networkPolicy(namespace: string, name: string, spec: Record<string, unknown>) {
    this.add("networking.k8s.io/v1", "NetworkPolicy", name, namespace, { spec });
  }
}

function containerSpec(options: ContainerOptions): Record<string, unknown> {
  const container: Record<string, unknown> = {
    name: options.name,
    image: options.image,
    imagePullPolicy: options.image.endsWith(":latest") ? "Always" : "IfNotPresent",
  };
  if (options.port) container.ports = [{ name: "http", containerPort: options.port, protocol: "TCP" }];
  if (options.env?.length) container.env = options.env;
  switch (options.hardening) {
    case "hardened":
      container.securityContext = {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ["ALL"] },
      };
      container.resources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } };
      if (options.port) {
        container.livenessProbe = { httpGet: { path: "/healthz", port: options.port }, periodSeconds: 10 };
        container.readinessProbe = { httpGet: { path: "/ready", port: options.port }, periodSeconds: 5 };
      }
      break;
    case "typical":
      container.resources = { requests: { cpu: "50m", memory: "96Mi" }, limits: { memory: "384Mi" } };
      if (options.port) container.readinessProbe = { httpGet: { path: "/ready", port: options.port }, periodSeconds: 5 };
      break;
    case "lax":
      // Nothing set: root user, writable root filesystem, default capabilities, no limits.
      break;
  }
  return container;
}

function appImage(clusterName: string, namespace: string, service: string, pinned: boolean): string {
  const repo = `registry.acme.example/${namespace}/${service}`;
  if (pinned) return `${repo}@sha256:${createHash("sha256").update(`${clusterName}/${repo}`).digest("hex")}`;
  // The tag is fixed per cluster and service: a tag that changed every snapshot would look like
  // a deploy every six hours.
  const random = new DeterministicRandom(`image:${clusterName}/${repo}`);
  return `${repo}:${random.int(1, 4)}.${random.int(0, 19)}.${random.int(0, 9)}`;
}

const APP_SERVICES: Record<string, string[]> = {
  payments: ["payments-api", "ledger-worker"],
  checkout: ["checkout-web", "cart-api"],
  catalog: ["catalog-api", "search-indexer"],
  identity: ["identity-api", "session-store"],
  recommendations: ["recommender-api"],
  billing: ["billing-api", "invoice-renderer"],
  "erp-connector": ["erp-sync"],
  reporting: ["report-builder"],
  sensors: ["telemetry-ingest", "mqtt-bridge"],
};

function systemWorkloads(f: ObjectFactory, spec: DemoClusterSpec, kubernetesVersion: string) {
  f.namespace("kube-system");
  f.namespace("kube-public");
  f.namespace("kube-node-lease");
  f.namespace("default");

  f.serviceAccount("kube-system", "coredns");
  f.workload({
    namespace: "kube-system",
    name: "coredns",
    replicas: 2,
    serviceAccount: "coredns",
    hardening: "typical",
    containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3", port: 53, hardening: "typical" }],
    podSpec: { priorityClassName: "system-cluster-critical", dnsPolicy: "Default" },
  });
  // Real CoreDNS drops everything but the capability to bind port 53.
  const coredns = f.objects[f.objects.length - 1];
  coredns.spec.template.spec.containers[0].securityContext = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
  };
  f.service("kube-system", "kube-dns", 53, "ClusterIP", "coredns");

  // kube-proxy legitimately needs privileged mode and the host network to program iptables.
  f.workload({
    namespace: "kube-system",
    name: "kube-proxy",
    kind: "DaemonSet",
    serviceAccount: "kube-proxy",
    hardening: "typical",
    containers: [{ name: "kube-proxy", image: `registry.k8s.io/kube-proxy:${kubernetesVersion.split(/[-+]/)[0]}`, hardening: "typical" }],
    podSpec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      volumes: [
        { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
        { name: "lib-modules", hostPath: { path: "/lib/modules" } },
      ],
    },
  });
  const proxy = f.objects[f.objects.length - 1];
  proxy.spec.template.spec.containers[0].securityContext = { privileged: true };
  f.serviceAccount("kube-system", "kube-proxy");

  const cni: Record<DemoClusterSpec["provider"], { name: string; image: string; privileged: boolean }> = {
    eks: { name: "aws-node", image: "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2", privileged: false },
    aks: { name: "azure-cns", image: "mcr.microsoft.com/containernetworking/azure-cns:v1.6.18", privileged: false },
    gke: { name: "netd", image: "gke.gcr.io/netd:v0.8.1-gke.3", privileged: true },
    "on-prem": { name: "calico-node", image: "docker.io/calico/node:v3.28.2", privileged: true },
    kind: { name: "kindnet", image: "docker.io/kindest/kindnetd:v20241108-5c6d2daf", privileged: false },
    k3s: { name: "svclb-traefik", image: "rancher/klipper-lb:v0.4.9", privileged: false },
  };
  const net = cni[spec.provider];
  f.serviceAccount("kube-system", net.name);
  f.workload({
    namespace: "kube-system",
    name: net.name,
    kind: "DaemonSet",
    serviceAccount: net.name,
    hardening: "typical",
    containers: [{ name: net.name, image: net.image, hardening: "typical" }],
    podSpec: {
      hostNetwork: true,
      volumes: [{ name: "cni-bin", hostPath: { path: "/opt/cni/bin" } }, { name: "cni-net", hostPath: { path: "/etc/cni/net.d" } }],
    },
  });
  f.objects[f.objects.length - 1].spec.template.spec.containers[0].securityContext = net.privileged
    ? { privileged: true }
    : { capabilities: { add: ["NET_ADMIN", "NET_RAW"] } };

  f.serviceAccount("kube-system", "metrics-server");
  f.workload({
    namespace: "kube-system",
    name: "metrics-server",
    replicas: 1,
    serviceAccount: "metrics-server",
    hardening: "hardened",
    containers: [{ name: "metrics-server", image: "registry.k8s.io/metrics-server/metrics-server:v0.7.2", port: 10250, hardening: "hardened" }],
  });

  f.clusterRole("cluster-admin", [
    { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
    { nonResourceURLs: ["*"], verbs: ["*"] },
  ]);
  f.clusterRoleBinding("cluster-admin", "cluster-admin", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:masters" }]);
  f.clusterRole("view", [{ apiGroups: ["", "apps", "batch"], resources: ["pods", "services", "deployments", "jobs", "configmaps"], verbs: ["get", "list", "watch"] }]);
  f.clusterRole("edit", [
    { apiGroups: ["", "apps", "batch"], resources: ["pods", "services", "deployments", "jobs", "configmaps", "secrets"], verbs: ["get", "list", "watch", "create", "update", "patch", "delete"] },
  ]);
  f.clusterRole("system:metrics-server", [{ apiGroups: [""], resources: ["nodes/metrics", "pods", "nodes"], verbs: ["get", "list", "watch"] }]);
  f.clusterRoleBinding("system:metrics-server", "system:metrics-server", [{ kind: "ServiceAccount", name: "metrics-server", namespace: "kube-system" }]);
}

function platformWorkloads(f: ObjectFactory, spec: DemoClusterSpec) {
  const lax = spec.posture === "lax";

  f.namespace("ingress-nginx", spec.posture === "hardened" ? "baseline" : undefined);
  f.serviceAccount("ingress-nginx", "ingress-nginx");
  f.workload({
    namespace: "ingress-nginx",
    name: "ingress-nginx-controller",
    replicas: spec.environment === "production" ? 3 : 1,
    serviceAccount: "ingress-nginx",
    hardening: "typical",
    containers: [{ name: "controller", image: "registry.k8s.io/ingress-nginx/controller:v1.11.3", port: 80, hardening: "typical" }],
  });
  f.objects[f.objects.length - 1].spec.template.spec.containers[0].securityContext = {
    runAsNonRoot: true,
    runAsUser: 101,
    allowPrivilegeEscalation: false,
    capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] },
  };
  f.service("ingress-nginx", "ingress-nginx-controller", 80, "LoadBalancer");
  f.clusterRole("ingress-nginx", [
    { apiGroups: [""], resources: ["configmaps", "endpoints", "nodes", "pods", "secrets", "namespaces"], verbs: ["list", "watch"] },
    { apiGroups: ["networking.k8s.io"], resources: ["ingresses", "ingressclasses"], verbs: ["get", "list", "watch"] },
  ]);
  f.clusterRoleBinding("ingress-nginx", "ingress-nginx", [{ kind: "ServiceAccount", name: "ingress-nginx", namespace: "ingress-nginx" }]);

  f.namespace("monitoring", spec.posture === "hardened" ? "baseline" : undefined);
  f.serviceAccount("monitoring", "prometheus");
  f.workload({
    namespace: "monitoring",
    name: "prometheus",
    kind: "StatefulSet",
    replicas: spec.environment === "production" ? 2 : 1,
    serviceAccount: "prometheus",
    hardening: spec.posture === "hardened" ? "hardened" : "typical",
    containers: [{ name: "prometheus", image: "quay.io/prometheus/prometheus:v2.54.1", port: 9090, hardening: spec.posture === "hardened" ? "hardened" : "typical" }],
  });
  f.service("monitoring", "prometheus", 9090);
  f.clusterRole("prometheus", [
    { apiGroups: [""], resources: ["nodes", "nodes/metrics", "services", "endpoints", "pods"], verbs: ["get", "list", "watch"] },
    { nonResourceURLs: ["/metrics"], verbs: ["get"] },
  ]);
  f.clusterRoleBinding("prometheus", "prometheus", [{ kind: "ServiceAccount", name: "prometheus", namespace: "monitoring" }]);

  // node-exporter reads host metrics: host network and PID namespace, the host root read-only.
  f.workload({
    namespace: "monitoring",
    name: "node-exporter",
    kind: "DaemonSet",
    hardening: "typical",
    containers: [{ name: "node-exporter", image: "quay.io/prometheus/node-exporter:v1.8.2", port: 9100, hardening: "typical" }],
    podSpec: { hostNetwork: true, hostPID: true, volumes: [{ name: "root", hostPath: { path: "/" } }] },
  });
  const exporter = f.objects[f.objects.length - 1].spec.template.spec;
  exporter.containers[0].volumeMounts = [{ name: "root", mountPath: "/host", readOnly: true, mountPropagation: "HostToContainer" }];
  exporter.containers[0].securityContext = { runAsNonRoot: true, runAsUser: 65534, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false };

  f.namespace("logging");
  f.workload({
    namespace: "logging",
    name: "fluent-bit",
    kind: "DaemonSet",
    hardening: lax ? "lax" : "typical",
    containers: [{ name: "fluent-bit", image: lax ? "cr.fluentbit.io/fluent/fluent-bit:latest" : "cr.fluentbit.io/fluent/fluent-bit:3.1.9", hardening: lax ? "lax" : "typical" }],
    podSpec: {
      volumes: [
        { name: "varlog", hostPath: { path: "/var/log" } },
        { name: "containers", hostPath: { path: "/var/lib/docker/containers" } },
      ],
    },
  });
  f.objects[f.objects.length - 1].spec.template.spec.containers[0].volumeMounts = [
    { name: "varlog", mountPath: "/var/log", readOnly: !lax },
    { name: "containers", mountPath: "/var/lib/docker/containers", readOnly: true },
  ];
}

function applicationWorkloads(f: ObjectFactory, spec: DemoClusterSpec, changes: Set<ChangeKey>) {
  const pinned = changes.has("images-pinned");
  spec.appNamespaces.forEach((namespace, nsIndex) => {
    const hardening: Hardening =
      namespace === "payments" && changes.has("payments-hardened") ? "hardened" : spec.posture;
    f.namespace(namespace, hardening === "hardened" ? "restricted" : hardening === "typical" ? "baseline" : undefined);
    const appAccount = `${namespace}-app`;
    f.serviceAccount(namespace, "default", hardening === "hardened" ? false : undefined);
    f.serviceAccount(namespace, appAccount, hardening === "hardened" ? false : undefined);
    f.add("v1", "ConfigMap", `${namespace}-settings`, namespace, { data: { LOG_LEVEL: "info", REGION: spec.region ?? "local" } });

    for (const service of APP_SERVICES[namespace] ?? [`${namespace}-api`]) {
      const port = service.endsWith("worker") || service.endsWith("indexer") ? 9090 : 8080;
      const env =
        spec.posture === "lax" && nsIndex === 0 && service === APP_SERVICES[namespace]?.[0]
          ? [{ name: "DB_PASSWORD", value: "changeme-2023" }, { name: "DB_HOST", value: `${namespace}-db` }]
          : [{ name: "CONFIG_MAP", value: `${namespace}-settings` }];
      f.workload({
        namespace,
        name: service,
        replicas: spec.environment === "production" ? 3 : 1,
        serviceAccount: appAccount,
        hardening,
        containers: [{ name: service, image: appImage(spec.name, namespace, service, pinned), port, hardening, env }],
      });
      f.service(namespace, service, port);
    }
    const frontDoor = (APP_SERVICES[namespace] ?? [`${namespace}-api`])[0];
    if (nsIndex < 2) f.ingress(namespace, `${namespace}.acme.example`, frontDoor, 8080, spec.posture !== "lax");

    f.role(namespace, `${namespace}-config-reader`, [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }]);
    f.roleBinding(namespace, `${namespace}-config-reader`, "Role", `${namespace}-config-reader`, [{ kind: "ServiceAccount", name: appAccount, namespace }]);
    if (spec.posture !== "hardened") {
      // Applications that read their own credentials through the API rather than a mounted secret.
      f.role(namespace, `${namespace}-secret-reader`, [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]);
      f.roleBinding(namespace, `${namespace}-secret-reader`, "Role", `${namespace}-secret-reader`, [{ kind: "ServiceAccount", name: appAccount, namespace }]);
    }

    if (changes.has("network-policies")) {
      f.networkPolicy(namespace, "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
      f.networkPolicy(namespace, "allow-from-ingress", {
        podSelector: {},
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }] }],
      });
      f.networkPolicy(namespace, "allow-dns-egress", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }], ports: [{ port: 53, protocol: "UDP" }] }],
      });
    }
  });

  const firstNamespace = spec.appNamespaces[0];
  f.add("batch/v1", "CronJob", "nightly-db-backup", firstNamespace, {
    spec: {
      schedule: "15 2 * * *",
      concurrencyPolicy: "Forbid",
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: "OnFailure",
              serviceAccountName: `${firstNamespace}-app`,
              containers: [
                containerSpec({ name: "backup", image: "docker.io/library/postgres:16.4", hardening: spec.posture === "lax" ? "lax" : "typical" }),
              ],
              ...(spec.posture === "lax" ? { volumes: [{ name: "backup", hostPath: { path: "/srv/backups" } }] } : {}),
            },
          },
        },
      },
    },
  });

  if (changes.has("legacy-nodeport")) {
    f.workload({
      namespace: firstNamespace,
      name: "legacy-admin",
      replicas: 1,
      hardening: "lax",
      containers: [{ name: "legacy-admin", image: "registry.acme.example/legacy/admin-ui:0.9.3", port: 8080, hardening: "lax" }],
    });
    f.service(firstNamespace, "legacy-admin", 8080, "NodePort");
  }

  if (changes.has("new-service")) {
    const reviewed = changes.has("new-service-reviewed");
    const namespace = spec.appNamespaces[spec.appNamespaces.length - 1];
    f.workload({
      namespace,
      name: "feature-flags",
      replicas: 2,
      hardening: reviewed ? "typical" : "lax",
      containers: [
        {
          name: "feature-flags",
          image: reviewed ? "registry.acme.example/platform/feature-flags:1.0.2" : "registry.acme.example/platform/feature-flags:latest",
          port: 8080,
          hardening: reviewed ? "typical" : "lax",
        },
      ],
    });
    f.service(namespace, "feature-flags", 8080);
  }

  if (changes.has("debug-toolbox")) {
    f.workload({
      namespace: "default",
      name: "debug-toolbox",
      replicas: 1,
      hardening: "lax",
      containers: [{ name: "toolbox", image: "docker.io/nicolaka/netshoot:latest", hardening: "lax" }],
      podSpec: { hostNetwork: true, hostPID: true, volumes: [{ name: "host", hostPath: { path: "/" } }] },
    });
    const toolbox = f.objects[f.objects.length - 1].spec.template.spec.containers[0];
    toolbox.securityContext = { privileged: true };
    toolbox.volumeMounts = [{ name: "host", mountPath: "/host" }];
  }

  if (changes.has("ci-cluster-admin")) {
    f.namespace("ci");
    f.serviceAccount("ci", "deployer");
    f.clusterRoleBinding("ci-deployer-admin", "cluster-admin", [{ kind: "ServiceAccount", name: "deployer", namespace: "ci" }]);
  }

  if (spec.environment === "development") {
    f.clusterRoleBinding("developers-edit", "edit", [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "acme:developers" }]);
  }
}

function nodes(f: ObjectFactory, spec: DemoClusterSpec, kubernetesVersion: string) {
  const kubeletVersion = kubernetesVersion.split(/[-+]/)[0];
  const images: Record<DemoClusterSpec["provider"], string> = {
    eks: "Amazon Linux 2023.6.20241121",
    aks: "Ubuntu 22.04.5 LTS",
    gke: "Container-Optimized OS from Google",
    "on-prem": "Rocky Linux 9.4 (Blue Onyx)",
    kind: "Debian GNU/Linux 12 (bookworm)",
    k3s: "Ubuntu 24.04.1 LTS",
  };
  for (let i = 0; i < spec.nodeCount; i++) {
    const name = `${spec.name}-node-${String(i + 1).padStart(2, "0")}`;
    const controlPlane = (spec.provider === "on-prem" || spec.provider === "kind" || spec.provider === "k3s") && i === 0;
    f.add(
      "v1",
      "Node",
      name,
      undefined,
      {
        spec: controlPlane ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {},
        status: {
          nodeInfo: {
            kubeletVersion,
            kubeProxyVersion: kubeletVersion,
            osImage: images[spec.provider],
            containerRuntimeVersion: "containerd://1.7.23",
            operatingSystem: "linux",
            architecture: "amd64",
          },
          conditions: [{ type: "Ready", status: "True" }],
        },
      },
      {
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        ...(spec.region ? { "topology.kubernetes.io/region": spec.region } : {}),
        ...(controlPlane ? { "node-role.kubernetes.io/control-plane": "" } : {}),
      },
    );
  }
}

/** Every object the demo agent would report for `spec` on history day `day`. */
export function buildClusterObjects(spec: DemoClusterSpec, changes: Set<ChangeKey>, kubernetesVersion: string): K8sObject[] {
  const f = new ObjectFactory(spec.name);
  systemWorkloads(f, spec, kubernetesVersion);
  platformWorkloads(f, spec);
  applicationWorkloads(f, spec, changes);
  nodes(f, spec, kubernetesVersion);
  return f.objects;
}
