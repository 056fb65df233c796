// Scan settings with documented defaults (docs/settings.md). Every key may be overridden per scan.

export interface ScanSettings {
  /** Registry prefixes images may come from (empty = every registry trusted). */
  trustedRegistries: string[];
  /** Registry prefixes that are always refused. */
  untrustedRegistries: string[];
  /**
   * Names that mark a credential, matched by words of the key (`DB_PASSWORD`, `apiKey` and `APIKEY`
   * match "password"/"key"; `KEYCLOAK_URL` and `MAX_TOKENS` do not).
   */
  sensitiveKeyNames: string[];
  /** Key names that look sensitive but are allowed (exact, case-insensitive). */
  sensitiveKeyAllowList: string[];
  /** Capabilities that must never be added. */
  insecureCapabilities: string[];
  /** Capabilities a container may add without failing the "added capabilities" control. */
  allowedCapabilities: string[];
  /** Labels every workload should carry ("label usage"). */
  recommendedLabels: string[];
  /** Kubernetes recommended `app.kubernetes.io/*` labels. */
  k8sRecommendedLabels: string[];
  /** Namespaces treated as system namespaces (excluded from tenant checks). */
  systemNamespaces: string[];
  /** Workload image name fragments that indicate a Kubernetes dashboard. */
  dashboardImages: string[];
  /** Minimum acceptable values for API server audit log retention (CIS defaults). */
  auditLogMaxAge: number;
  auditLogMaxBackup: number;
  auditLogMaxSize: number;
  /** Oldest supported Kubernetes minor (e.g. "1.31"): older is "outdated". */
  minimumKubernetesVersion: string;
  /** Maximum number of vulnerabilities before a workload counts as excessively vulnerable. */
  maxCriticalVulnerabilities: number;
  maxHighVulnerabilities: number;
  /** Image tags that float (move between builds) besides "latest". */
  floatingImageTags: string[];
  /**
   * Regular expressions (searched case-insensitively; an invalid one is matched as plain text) for
   * env/ConfigMap values that are credentials whatever their key name. Empty by default: built-in
   * detectors already recognise private keys, cloud and SaaS tokens, JWTs and passwords in URLs.
   */
  sensitiveValues: string[];
  /** Ceilings for agent-sandbox templates (quantities; empty = fall back to cpuLimitMax/memoryLimitMax). */
  sandboxCpuLimitMax: string;
  sandboxMemoryLimitMax: string;
  /** Name/image fragments of management and data-science consoles that must not face the internet. */
  sensitiveInterfaces: string[];
  /** Optional resource bounds (Kubernetes quantities, e.g. "2", "500m", "1Gi"); empty = not enforced. */
  cpuRequestMin: string;
  cpuRequestMax: string;
  cpuLimitMin: string;
  cpuLimitMax: string;
  memoryRequestMin: string;
  memoryRequestMax: string;
  memoryLimitMin: string;
  memoryLimitMax: string;
  /** Image repositories that need not be pinned to a digest. */
  imageDigestExemptRepositories: string[];
  /** RuntimeClass names considered hardened sandboxes (gVisor, Kata). */
  hardenedRuntimeClasses: string[];
  /**
   * Host locations of cloud credentials. A hostPath fails when it is one of them, a parent directory of
   * one (mounting /etc exposes /etc/kubernetes/azure.json) or inside one; `*` matches one path segment.
   */
  cloudCredentialPaths: string[];
}

export const DEFAULT_SETTINGS: ScanSettings = {
  trustedRegistries: [],
  untrustedRegistries: [],
  sensitiveKeyNames: [
    "aws_access_key_id",
    "aws_secret_access_key",
    "azure_batchai_storage_account",
    "azure_batchai_storage_key",
    "azure_batch_account",
    "azure_batch_key",
    "secret",
    "key",
    "password",
    "pwd",
    "token",
    "jwt",
    "bearer",
    "credential",
  ],
  sensitiveKeyAllowList: [],
  insecureCapabilities: [
    "SETPCAP",
    "NET_ADMIN",
    "NET_RAW",
    "SYS_MODULE",
    "SYS_RAWIO",
    "SYS_PTRACE",
    "SYS_ADMIN",
    "SYS_BOOT",
    "MAC_OVERRIDE",
    "MAC_ADMIN",
    "PERFMON",
    "ALL",
    "BPF",
  ],
  allowedCapabilities: ["NET_BIND_SERVICE"],
  recommendedLabels: ["app", "tier", "phase", "version", "owner", "env"],
  k8sRecommendedLabels: [
    "app.kubernetes.io/name",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/version",
    "app.kubernetes.io/component",
    "app.kubernetes.io/part-of",
    "app.kubernetes.io/managed-by",
    "app.kubernetes.io/created-by",
  ],
  systemNamespaces: ["kube-system", "kube-public", "kube-node-lease"],
  dashboardImages: ["kubernetes-dashboard", "kubernetesui/dashboard"],
  auditLogMaxAge: 30,
  auditLogMaxBackup: 10,
  auditLogMaxSize: 100,
  minimumKubernetesVersion: "1.32",
  maxCriticalVulnerabilities: 0,
  maxHighVulnerabilities: 10,
  floatingImageTags: ["latest"],
  sensitiveValues: [],
  sandboxCpuLimitMax: "",
  sandboxMemoryLimitMax: "",
  sensitiveInterfaces: [
    "nifi", "argo-server", "argocli", "weave-scope", "kubeflow", "kubernetes-dashboard", "jenkins",
    "prometheus-deployment", "ollama", "vllm", "kserve", "triton-inference-server", "tritonserver",
    "ray-dashboard", "ray-head", "mlflow", "jupyterhub", "seldon", "bentoml",
  ],
  cpuRequestMin: "",
  cpuRequestMax: "",
  cpuLimitMin: "",
  cpuLimitMax: "",
  memoryRequestMin: "",
  memoryRequestMax: "",
  memoryLimitMin: "",
  memoryLimitMax: "",
  imageDigestExemptRepositories: [],
  hardenedRuntimeClasses: ["gvisor", "runsc", "kata", "kata-containers", "kata-qemu", "kata-fc"],
  cloudCredentialPaths: [
    "/etc/kubernetes/azure.json",
    "/etc/kubernetes/cloud.conf",
    "/etc/kubernetes/cloud-config",
    "/var/lib/waagent",
    "/root/.aws",
    "/home/*/.aws",
    "/.aws",
    "/root/.azure",
    "/home/*/.azure",
    "/.azure",
    "/root/.config/gcloud",
    "/home/*/.config/gcloud",
    "/.config/gcloud",
  ],
};

/** Merges per-scan overrides over the defaults; unknown keys are ignored. */
export function resolveSettings(overrides: Partial<ScanSettings> = {}): ScanSettings {
  const merged: ScanSettings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof ScanSettings)[]) {
    const value = overrides[key];
    if (value !== undefined && value !== null) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
