// What an object looks like before it leaves the cluster: churn-only fields removed so an unchanged
// object always hashes the same, and secrets redacted (docs/snapshot-protocol.md lists every rule).
import {
  CREDENTIAL_MARKER,
  isLiteralCredential,
  redactConfigText,
  redactionPolicy,
  SECRET_VALUE_MARKER_PREFIX,
  type CredentialPolicy,
} from "./credential-detection";

type Json = Record<string, unknown>;

const DROPPED_METADATA = ["managedFields", "resourceVersion", "selfLink", "generation"] as const;
/** Annotations that duplicate the whole object (and so may hold secret values) or only churn. */
const DROPPED_ANNOTATIONS = [
  "kubectl.kubernetes.io/last-applied-configuration",
  "deployment.kubernetes.io/revision",
  "control-plane.alpha.kubernetes.io/leader",
  "autoscaling.alpha.kubernetes.io/conditions",
  "autoscaling.alpha.kubernetes.io/current-metrics",
];

/** Status fields kept per kind (everything else in status is runtime churn and is dropped). */
const KEPT_STATUS: Record<string, (status: Json) => Json | undefined> = {
  Node: (s) => ({
    nodeInfo: s.nodeInfo,
    addresses: s.addresses,
    capacity: s.capacity,
    allocatable: s.allocatable,
  }),
  Pod: (s) => ({
    phase: s.phase,
    qosClass: s.qosClass,
    containerStatuses: pickContainerStatuses(s.containerStatuses),
    initContainerStatuses: pickContainerStatuses(s.initContainerStatuses),
  }),
  Service: (s) => ({ loadBalancer: s.loadBalancer }),
  Ingress: (s) => ({ loadBalancer: s.loadBalancer }),
  Gateway: (s) => ({ addresses: s.addresses }),
  Namespace: (s) => ({ phase: s.phase }),
  PersistentVolume: (s) => ({ phase: s.phase }),
  CertificateSigningRequest: (s) => ({ conditions: Array.isArray(s.conditions) ? s.conditions.map((c: Json) => ({ type: c.type, status: c.status })) : undefined }),
};

function pickContainerStatuses(list: unknown): unknown {
  if (!Array.isArray(list)) return undefined;
  // The image digest (imageID) joins vulnerability reports to workloads; restart counts and times churn.
  return list.map((c: Json) => ({ name: c.name, image: c.image, imageID: c.imageID }));
}

function prune<T>(value: T): T {
  if (Array.isArray(value)) return value.map(prune) as T;
  if (value && typeof value === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) if (v !== undefined) out[k] = prune(v);
    return out as T;
  }
  return value;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Secret values never leave the cluster: keys, type and each value's size remain. */
function redactSecret(obj: Json): void {
  const sizes: Record<string, string> = {};
  const data = (obj.data ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(data)) {
    // `data` is base64: decoded size = 3/4 of the text less padding.
    const text = typeof v === "string" ? v : "";
    const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    sizes[k] = `${SECRET_VALUE_MARKER_PREFIX}${Math.max(0, Math.floor((text.length * 3) / 4) - padding)}`;
  }
  for (const [k, v] of Object.entries((obj.stringData ?? {}) as Record<string, unknown>)) {
    sizes[k] = `${SECRET_VALUE_MARKER_PREFIX}${typeof v === "string" ? utf8Length(v) : 0}`;
  }
  delete obj.stringData;
  if (Object.keys(sizes).length) obj.data = sizes;
  else delete obj.data;
}

function redactEnv(container: Json, policy: CredentialPolicy): void {
  if (!Array.isArray(container.env)) return;
  for (const env of container.env as Json[]) {
    if (env && typeof env.name === "string" && isLiteralCredential(env.name, env.value, policy)) env.value = CREDENTIAL_MARKER;
  }
}

/** Applies `visit` to every container list of any pod template, wherever it sits in the object. */
function forEachContainer(node: unknown, visit: (c: Json) => void, depth = 0): void {
  if (!node || typeof node !== "object" || depth > 12) return;
  if (Array.isArray(node)) {
    for (const item of node) forEachContainer(item, visit, depth + 1);
    return;
  }
  const obj = node as Json;
  for (const key of ["containers", "initContainers", "ephemeralContainers"]) {
    if (Array.isArray(obj[key])) for (const c of obj[key] as Json[]) if (c && typeof c === "object") visit(c);
  }
  for (const [key, value] of Object.entries(obj)) {
    if (key === "metadata" || key === "status") continue;
    if (value && typeof value === "object") forEachContainer(value, visit, depth + 1);
  }
}

export interface NormalizeOptions {
  /** The credential policy (redactionPolicy(settings)); compile it once per collection. */
  policy?: CredentialPolicy;
}

let defaultPolicy: CredentialPolicy | undefined;

/**
 * Returns the normalized, redacted copy of an object that the agent sends. Never mutates the input.
 * The `kind`/`apiVersion` must be set (list items from the API lack them; the collector fills them in).
 */
export function normalizeObject<T extends Json>(input: T, options: NormalizeOptions = {}): T {
  // Drop the bulky churn before cloning: managedFields are often most of an object.
  const shallowMeta = { ...((input.metadata ?? {}) as Json) };
  for (const field of DROPPED_METADATA) delete shallowMeta[field];
  const obj = structuredClone({ ...input, metadata: shallowMeta }) as Json;
  const policy = options.policy ?? (defaultPolicy ??= redactionPolicy());
  const meta = obj.metadata as Json;
  if (meta.annotations && typeof meta.annotations === "object") {
    const annotations = meta.annotations as Record<string, string>;
    for (const a of DROPPED_ANNOTATIONS) delete annotations[a];
    if (Object.keys(annotations).length === 0) delete meta.annotations;
  }
  obj.metadata = meta;
  const kind = obj.kind as string;
  if (obj.status && typeof obj.status === "object") {
    const keep = KEPT_STATUS[kind];
    const kept = keep ? prune(keep(obj.status as Json)) : undefined;
    if (kept && Object.keys(kept).length) obj.status = kept;
    else delete obj.status;
  }
  if (kind === "Secret") redactSecret(obj);
  if (kind === "ConfigMap") {
    const data = (obj.data ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(data)) {
      if (isLiteralCredential(k, v, policy)) data[k] = CREDENTIAL_MARKER;
      else if (typeof v === "string" && v.includes("\n")) data[k] = redactConfigText(v, policy);
    }
    if (obj.binaryData && typeof obj.binaryData === "object") {
      for (const k of Object.keys(obj.binaryData as Json)) (obj.binaryData as Json)[k] = `${SECRET_VALUE_MARKER_PREFIX}binary`;
    }
  }
  forEachContainer(obj.spec, (c) => redactEnv(c, policy));
  return obj as T;
}
