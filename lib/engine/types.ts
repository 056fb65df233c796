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
 * `apiVersion: shipshape.dev/v1alpha1`). Documented in docs/node-info.md.
 */
export interface NodeInfo extends K8sObject {
  kind: "NodeInfo";
  spec: NodeInfoSpec;
}

export interface FileFact {
  path: string;
  /** Octal permission bits as a number, e.g. 0o600 = 384. */
  mode: number;
  owner: string;
  group: string;
}

export interface NodeInfoSpec {
  nodeName: string;
  roles?: string[];
  /** Kubelet: command-line flags of the running process (`--flag` → value, without dashes). */
  kubeletFlags?: Record<string, string>;
  /** Kubelet: parsed KubeletConfiguration file (the --config file), as YAML/JSON object. */
  kubeletConfig?: Record<string, unknown>;
  kubeletConfigPath?: string;
  /** Control-plane processes found on the node and their flags (kube-apiserver, etcd, …). */
  controlPlane?: Record<string, { flags: Record<string, string> }>;
  /** Ownership and permissions of the well-known files, keyed by role (e.g. "kubeletConfig", "adminConf"). */
  files?: Record<string, FileFact | FileFact[]>;
  kernel?: { release?: string; sysctls?: Record<string, string> };
  os?: { id?: string; image?: string };
  cni?: { names?: string[]; configFiles?: FileFact[] };
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
