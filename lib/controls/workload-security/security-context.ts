// Effective security settings of a pod and its containers, with the Kubescape-notation path of
// the field that decides each one. Kubernetes resolves most settings container-first: a value in
// `containers[i].securityContext` overrides the same field in the pod's `securityContext`, and
// `windowsOptions` is merged field by field. Fields that only exist on containers (privileged,
// capabilities, readOnlyRootFilesystem, allowPrivilegeEscalation, procMount) have no pod fallback.
//
// About forty controls read the same pod: its view (containers, security contexts, the strings that
// name them) is built once per object and shared; paths of individual fields are built only for a
// finding.
import type { K8sObject, Violation } from "../../engine/types";
import { podSpecOf, type ContainerAt, type ContainerGroup } from "../../engine/workload";

/** A container with what every check reads of it. Shared between controls: read-only. */
export interface ContainerView extends ContainerAt {
  /** `container "web"`, `init container "setup"`, `ephemeral container "debugger"`, for messages. */
  who: string;
  /** The container's securityContext; an empty object when it has none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  securityContext: Record<string, any>;
  /** e.g. `spec.containers[0].securityContext` */
  securityContextPath: string;
  /** Parsed capability lists (see `capabilities.ts`), filled on first use. */
  capabilities: unknown;
}

/** A pod spec (of a Pod or of a workload's template) with everything the checks need. */
export interface PodView {
  obj: K8sObject;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  /** e.g. `spec.template.spec` */
  specPath: string;
  /** e.g. `spec.template.metadata` (`metadata` for a Pod) */
  metadataPath: string;
  annotations: Record<string, string>;
  /** Regular, init and ephemeral containers, in that order. */
  containers: ContainerView[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podSecurityContext: Record<string, any>;
  /** e.g. `spec.template.spec.securityContext` */
  podSecurityContextPath: string;
  /** `targetsWindows`, decided once. */
  windows: boolean;
  /** `declaresWindowsOs`, decided once. */
  windowsOs: boolean;
  /** Results of the checks several controls run on the same pod, by slot (see `pod-hardening-checks.ts`). */
  checks: (Violation[] | undefined)[] | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const splitPaths = new Map<string, string[]>();

function getDotted(obj: unknown, dotted: string): unknown {
  let parts = splitPaths.get(dotted);
  if (!parts) splitPaths.set(dotted, (parts = dotted.split(".")));
  let current: unknown = obj;
  for (const part of parts) {
    if (!isRecord(current)) return undefined;
    current = current[part];
  }
  return current;
}

const NO_SECURITY_CONTEXT: Record<string, never> = Object.freeze({});
const NO_ANNOTATIONS: Record<string, string> = Object.freeze({}) as Record<string, string>;

// Every workload control asks for the same object's view; objects are not mutated during a scan.
const podViews = new WeakMap<K8sObject, PodView | null>();

/** The pod view of any pod-bearing object, or undefined for other kinds or a missing template. */
export function podViewOf(obj: K8sObject): PodView | undefined {
  let view = podViews.get(obj);
  if (view === undefined) {
    const at = podSpecOf(obj);
    podViews.set(obj, (view = at ? buildPodView(obj, at.spec, at.path, at.metadataPath) : null));
  }
  return view ?? undefined;
}

const CONTAINER_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];
const KIND_OF_GROUP: Record<ContainerGroup, string> = {
  containers: "container",
  initContainers: "init container",
  ephemeralContainers: "ephemeral container",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function buildPodView(obj: K8sObject, spec: any, specPath: string, metadataPath: string): PodView {
  const metadata = metadataPath === "metadata" ? obj.metadata : getDotted(obj, metadataPath);
  const annotations = isRecord(metadata) && isRecord(metadata.annotations) ? (metadata.annotations as Record<string, string>) : NO_ANNOTATIONS;
  const containers: ContainerView[] = [];
  for (const group of CONTAINER_GROUPS) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const container = list[index];
      if (!container || typeof container !== "object") continue;
      const path = `${specPath}.${group}[${index}]`;
      const name = typeof container.name === "string" && container.name ? container.name : `#${index}`;
      containers.push({
        container,
        path,
        group,
        index,
        who: `${KIND_OF_GROUP[group]} "${name}"`,
        securityContext: isRecord(container.securityContext) ? container.securityContext : NO_SECURITY_CONTEXT,
        securityContextPath: `${path}.securityContext`,
        capabilities: undefined,
      });
    }
  }
  const windowsOs = isRecord(spec.os) && spec.os.name === "windows";
  const selector = isRecord(spec.nodeSelector) ? spec.nodeSelector : NO_ANNOTATIONS;
  return {
    obj,
    spec,
    specPath,
    metadataPath,
    annotations,
    containers,
    podSecurityContext: isRecord(spec.securityContext) ? spec.securityContext : NO_SECURITY_CONTEXT,
    podSecurityContextPath: `${specPath}.securityContext`,
    windows: windowsOs || selector["kubernetes.io/os"] === "windows" || selector["beta.kubernetes.io/os"] === "windows",
    windowsOs,
    checks: undefined,
  };
}

// The accessors below read one top-level securityContext field (`runAsUser`, not dotted paths) and
// build no path: checks ask for the path only when they report a finding. null counts as unset,
// which is what the API server decodes it to.

/** The container's own value of a securityContext field (no pod fallback). */
export function ownValue(c: ContainerView, field: string): unknown {
  const value = c.securityContext[field];
  return value === null ? undefined : value;
}

/** The pod-level value of a securityContext field. */
export function podValue(pod: PodView, field: string): unknown {
  const value = pod.podSecurityContext[field];
  return value === null ? undefined : value;
}

/** The effective value of a securityContext field: the container's when set, else the pod's. */
export function effectiveValue(pod: PodView, c: ContainerView, field: string): unknown {
  const own = c.securityContext[field];
  if (own !== undefined && own !== null) return own;
  const inherited = pod.podSecurityContext[field];
  return inherited === null ? undefined : inherited;
}

/** A field of an object-valued securityContext field (`seccompProfile`, `type`), as `getDotted` would read it. */
export function nestedValue(securityContext: Record<string, unknown>, field: string, subfield: string): unknown {
  const parent = securityContext[field];
  if (!isRecord(parent)) return undefined;
  const value = parent[subfield];
  return value === null ? undefined : value;
}

/** True when the effective value of the field comes from the pod (the container leaves it unset). */
export function inheritsFromPod(pod: PodView, c: ContainerView, field: string): boolean {
  const own = c.securityContext[field];
  if (own !== undefined && own !== null) return false;
  const inherited = pod.podSecurityContext[field];
  return inherited !== undefined && inherited !== null;
}

/** Path of the field that decides `effectiveValue`; the container-level field when neither sets it. */
export function effectivePath(pod: PodView, c: ContainerView, field: string): string {
  return inheritsFromPod(pod, c, field) ? `${pod.podSecurityContextPath}.${field}` : `${c.securityContextPath}.${field}`;
}

export type SettingSource = "container" | "pod" | "unset";

export interface EffectiveSetting<T> {
  value: T | undefined;
  source: SettingSource;
  /** The field that decided the value; when unset, the container-level field where it belongs. */
  path: string;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Resolves a securityContext field the way the kubelet does: the container's value when set,
 * else the pod's. `field` is dotted inside securityContext (`runAsUser`, `windowsOptions.hostProcess`).
 */
export function effectiveSetting<T = unknown>(pod: PodView, c: ContainerView, field: string): EffectiveSetting<T> {
  const own = getDotted(c.securityContext, field);
  if (isSet(own)) return { value: own as T, source: "container", path: `${c.securityContextPath}.${field}` };
  const inherited = getDotted(pod.podSecurityContext, field);
  if (isSet(inherited)) return { value: inherited as T, source: "pod", path: `${pod.podSecurityContextPath}.${field}` };
  return { value: undefined, source: "unset", path: `${c.securityContextPath}.${field}` };
}

/** A pod-level securityContext field with its path. */
export function podSetting<T = unknown>(pod: PodView, field: string): { value: T | undefined; path: string } {
  const value = getDotted(pod.podSecurityContext, field);
  return { value: isSet(value) ? (value as T) : undefined, path: `${pod.podSecurityContextPath}.${field}` };
}

/** A container-level securityContext field with its path (no pod fallback). */
export function containerSetting<T = unknown>(c: ContainerView, field: string): { value: T | undefined; path: string } {
  const value = getDotted(c.securityContext, field);
  return { value: isSet(value) ? (value as T) : undefined, path: `${c.securityContextPath}.${field}` };
}

/**
 * True when the pod targets Windows nodes: `spec.os.name: windows`, or a node selector pinning
 * `kubernetes.io/os` to windows. Linux-only settings (users/groups, capabilities, seccomp, SELinux,
 * read-only root filesystem, privilege escalation) cannot be set or have no effect there.
 */
export function targetsWindows(pod: PodView): boolean {
  return pod.windows;
}

/** True only for `spec.os.name: windows`, the one signal Pod Security Admission honours. */
export function declaresWindowsOs(pod: PodView): boolean {
  return pod.windowsOs;
}

/** Entries of a list field that is expected to be an array (anything else counts as empty). */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
