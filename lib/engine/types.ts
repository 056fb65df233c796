// The engine's public contract. Pure data types: no Node, network or database imports.

export type Severity = "critical" | "high" | "medium" | "low";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];

/** What a control needs to be evaluated: API objects, node facts (NodeInfo), or cloud provider data. */
export type DataNeed = "api" | "node" | "cloud";

export type ControlStatus = "passed" | "failed" | "skipped" | "manual" | "not_applicable" | "excepted";

export type ControlCategory =
  | "workload"
  | "secrets"
  | "images"
  | "network"
  | "access-control"
  | "control-plane"
  | "node"
  | "admission"
  | "cloud"
  | "hygiene";

export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  creationTimestamp?: string;
  [key: string]: unknown;
}

/** Any Kubernetes object, custom resources included. Deep fields are untyped on purpose. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

export type SubjectKind = "User" | "Group" | "ServiceAccount";

/** An RBAC subject, the "resource" of subject-aggregated RBAC controls. */
export interface SubjectRef {
  kind: SubjectKind;
  name: string;
  namespace?: string;
}

/** What a finding is about: a Kubernetes object or an RBAC subject (exactly one is set). */
export interface ResourceRef {
  object?: ObjectRef;
  subject?: SubjectRef;
}

export interface FixPath {
  path: string;
  value: string;
}

/** One problem a control found on one target. */
export interface Violation {
  message: string;
  /** JSON paths at fault, in Kubescape's notation: `spec.containers[0].securityContext.privileged`. */
  paths?: string[];
  /** Paths to add or set to fix the problem, with the suggested value. */
  fixPaths?: FixPath[];
  /** A per-finding fix hint; the control's remediation is used when absent. */
  fix?: string;
  /** Other objects involved (binding and role for RBAC, service for exposure, …). */
  related?: ObjectRef[];
  /** Overrides the evaluated target as the failing resource (cluster-wide controls). */
  resource?: ResourceRef;
}

/** References to equivalent checks elsewhere. IDs only (facts), never copied text. */
export interface ControlRefs {
  kubescape?: string[];
  cis?: string[];
  cisEks?: string[];
  cisAks?: string[];
  cisGke?: string[];
  pss?: string[];
  nsa?: string[];
  mitre?: string[];
  polaris?: string[];
  soc2?: string[];
  trivy?: string[];
}

export interface EvalTarget<T> {
  resource: ResourceRef;
  value: T;
}

export interface ControlDefinition<T = K8sObject> {
  /** Stable id: `SS-NNNN` (NNNN = the Kubescape number when it is the same check; ≥ 1000 for our own). */
  id: string;
  name: string;
  /** What the control checks, in one or two sentences (our words). */
  description: string;
  /** Why it matters: the attack or failure it prevents. */
  rationale: string;
  severity: Severity;
  category: ControlCategory;
  /** Data the control needs; a control whose data is missing is `skipped`. Defaults to ["api"]. */
  needs?: DataNeed[];
  /** Manual controls (CIS "Manual" items) are never evaluated; they report `manual`. */
  manual?: boolean;
  /** Kinds whose objects are evaluated one by one (top-owned only for pod-bearing kinds). */
  kinds?: string[];
  /** Custom targets (RBAC subjects, namespaces, the cluster); overrides `kinds`. */
  targets?: (ctx: EvalContext) => Iterable<EvalTarget<T>>;
  /** Returns the violations on one target ([] = passed), or null when the control does not apply to it. */
  evaluate?: (target: T, ctx: EvalContext) => Violation[] | null;
  /** How to fix it, in our words. */
  remediation: string;
  refs: ControlRefs;
  tags?: string[];
}

export type Control<T = K8sObject> = Readonly<ControlDefinition<T>> & { readonly needs: DataNeed[] };

/**
 * Node facts produced by the agent's node mode (one object per node, `kind: NodeInfo`,
 * `apiVersion: shipshape.dev/v1alpha1`, `metadata.name` = node name). Documented in docs/node-info.md,
 * which is the contract: change both together.
 */
export interface NodeInfo extends K8sObject {
  kind: "NodeInfo";
  spec: NodeInfoSpec;
}

export const NODE_INFO_API_VERSION = "shipshape.dev/v1alpha1";

/** Ownership and permissions of one file or directory, as `stat` reports them. */
export interface FileFact {
  path: string;
  /** Permission bits (`stat -c %a`, setuid/setgid/sticky included) as a number, e.g. 0o600 = 384. */
  mode: number;
  /** Owner and group names (`stat -c %U:%G`); "" or absent when the id has no name on the node. */
  owner?: string;
  group?: string;
  /** Numeric ids; used when the names are unknown. */
  uid?: number;
  gid?: number;
}

/** Well-known file roles of `NodeInfoSpec.files` (other keys are allowed and ignored by the library). */
export type NodeFileRole =
  | "kubeletService"
  | "kubeletConfig"
  | "kubeletKubeconfig"
  | "kubeletClientCA"
  | "kubeProxyKubeconfig"
  | "kubeProxyConfig"
  | "apiServerManifest"
  | "controllerManagerManifest"
  | "schedulerManifest"
  | "etcdManifest"
  | "adminConf"
  | "schedulerConf"
  | "controllerManagerConf"
  | "pkiDir"
  | "pkiFiles"
  | "etcdDataDir"
  | "encryptionProviderConfig"
  | "auditPolicy"
  | "cniConfig"
  | "cloudProviderConfig";

/** A configuration file whose content matters: parsed content, or why it could not be read or parsed. */
export interface ConfigDocument {
  path?: string;
  content?: Record<string, unknown>;
  error?: string;
}

/** A process found on the node: its flags (`--name=value` → `name: value`; a bare boolean flag → "true"). */
export interface ProcessFacts {
  flags: Record<string, string>;
}

export interface ApiServerFacts extends ProcessFacts {
  /** The --encryption-provider-config file (EncryptionConfiguration) with key material removed. */
  encryptionProviderConfig?: ConfigDocument;
  /** The --audit-policy-file (audit.k8s.io Policy). */
  auditPolicy?: ConfigDocument;
}

/** Keys of `NodeInfoSpec.controlPlane`: the process names. */
export type ControlPlaneComponent = "kube-apiserver" | "kube-controller-manager" | "kube-scheduler" | "etcd";

export interface NodeInfoSpec {
  nodeName: string;
  /** "control-plane" and/or "worker", when known. */
  roles?: string[];
  /** Where the facts came from: "shipshape-agent" or "kubescape-host-sensor". */
  source?: string;
  /** Kubelet: flags of the running process; absent when no kubelet process was found. */
  kubeletFlags?: Record<string, string>;
  /** Kubelet: the effective KubeletConfiguration file content (the --config file, drop-ins merged), as written. */
  kubeletConfig?: Record<string, unknown>;
  kubeletConfigPath?: string;
  /** Set when the kubelet uses a config file that could not be read or parsed. */
  kubeletConfigError?: string;
  kubeProxyFlags?: Record<string, string>;
  /** Control-plane processes running on the node, by process name. */
  controlPlane?: Partial<Record<ControlPlaneComponent, ProcessFacts>> & { "kube-apiserver"?: ApiServerFacts };
  /** Ownership and permissions of the well-known files, keyed by role; lists for roles with several files. */
  files?: Partial<Record<NodeFileRole, FileFact | FileFact[]>> & Record<string, FileFact | FileFact[] | undefined>;
  /** Kernel release (`uname -r`) and sysctls by dotted name (`kernel.unprivileged_userns_clone`). */
  kernel?: { release?: string; version?: string; sysctls?: Record<string, string> };
  /** From /etc/os-release: ID, VERSION_ID, PRETTY_NAME (the same text as Node.status.nodeInfo.osImage). */
  os?: { id?: string; versionId?: string; image?: string };
  /** Names of the CNI plugins in use (e.g. "Calico", "Flannel", "aws"). */
  cni?: { names?: string[] };
  /** Whether a pod-network process on the node can reach the cloud instance metadata API. */
  cloud?: { metadataApiReachable?: boolean };
  /** Linux security modules state, as reported on the node ("enabled", "unloaded", "not found"). */
  securityModules?: { appArmor?: string; seLinux?: string };
  /** What the collector could not read, in plain words; the facts above are then partial. */
  collectionErrors?: string[];
  [key: string]: unknown;
}

export interface ClusterFacts {
  provider?: string;
  kubernetesVersion?: string;
  name?: string;
}

export interface EvalContext {
  index: import("./object-index").ObjectIndex;
  settings: import("./settings").ScanSettings;
  nodes: NodeInfo[];
  cluster: ClusterFacts;
  /** Memoizes derived data (RBAC model, network coverage) for the duration of one scan. */
  cache<V>(key: string, build: () => V): V;
}
