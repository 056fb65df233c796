// Effective security settings of a pod and its containers, with the Kubescape-notation path of
// the field that decides each one. Kubernetes resolves most settings container-first: a value in
// `containers[i].securityContext` overrides the same field in the pod's `securityContext`, and
// `windowsOptions` is merged field by field. Fields that only exist on containers (privileged,
// capabilities, readOnlyRootFilesystem, allowPrivilegeEscalation, procMount) have no pod fallback.
import type { K8sObject } from "../../engine/types";
import { containersOf, podSpecOf, type ContainerAt } from "../../engine/workload";

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
  containers: ContainerAt[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podSecurityContext: Record<string, any>;
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

// Every workload control asks for the same object's view; objects are not mutated during a scan.
const podViews = new WeakMap<K8sObject, PodView | null>();

/** The pod view of any pod-bearing object, or undefined for other kinds or a missing template. */
export function podViewOf(obj: K8sObject): PodView | undefined {
  let view = podViews.get(obj);
  if (view === undefined) podViews.set(obj, (view = buildPodView(obj) ?? null));
  return view ?? undefined;
}

function buildPodView(obj: K8sObject): PodView | undefined {
  const at = podSpecOf(obj);
  if (!at) return undefined;
  const metadata = at.metadataPath === "metadata" ? obj.metadata : getDotted(obj, at.metadataPath);
  const annotations = isRecord(metadata) && isRecord(metadata.annotations) ? (metadata.annotations as Record<string, string>) : {};
  return {
    obj,
    spec: at.spec,
    specPath: at.path,
    metadataPath: at.metadataPath,
    annotations,
    containers: containersOf(obj),
    podSecurityContext: isRecord(at.spec.securityContext) ? at.spec.securityContext : {},
  };
}

/** A pod view for an arbitrary pod spec nested in a custom resource (e.g. a SandboxTemplate). */
export function podViewAt(obj: K8sObject, specPath: string): PodView | undefined {
  const spec = getDotted(obj, specPath);
  if (!isRecord(spec)) return undefined;
  const metadataPath = specPath.replace(/\.spec$/, ".metadata");
  const metadata = getDotted(obj, metadataPath);
  const containers: ContainerAt[] = [];
  for (const group of ["containers", "initContainers", "ephemeralContainers"] as const) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (isRecord(container)) containers.push({ container, path: `${specPath}.${group}[${index}]`, group, index });
    });
  }
  return {
    obj,
    spec,
    specPath,
    metadataPath,
    annotations: isRecord(metadata) && isRecord(metadata.annotations) ? (metadata.annotations as Record<string, string>) : {},
    containers,
    podSecurityContext: isRecord(spec.securityContext) ? spec.securityContext : {},
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function containerSecurityContext(c: ContainerAt): Record<string, any> {
  return isRecord(c.container.securityContext) ? c.container.securityContext : {};
}

/** `container "web"`, `init container "setup"`, `ephemeral container "debugger"` — for messages. */
export function describeContainer(c: ContainerAt): string {
  const name = typeof c.container.name === "string" && c.container.name ? c.container.name : `#${c.index}`;
  const kind = c.group === "initContainers" ? "init container" : c.group === "ephemeralContainers" ? "ephemeral container" : "container";
  return `${kind} "${name}"`;
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
export function effectiveSetting<T = unknown>(pod: PodView, c: ContainerAt, field: string): EffectiveSetting<T> {
  const own = getDotted(containerSecurityContext(c), field);
  if (isSet(own)) return { value: own as T, source: "container", path: `${c.path}.securityContext.${field}` };
  const inherited = getDotted(pod.podSecurityContext, field);
  if (isSet(inherited)) return { value: inherited as T, source: "pod", path: `${pod.specPath}.securityContext.${field}` };
  return { value: undefined, source: "unset", path: `${c.path}.securityContext.${field}` };
}

/** A pod-level securityContext field with its path. */
export function podSetting<T = unknown>(pod: PodView, field: string): { value: T | undefined; path: string } {
  const value = getDotted(pod.podSecurityContext, field);
  return { value: isSet(value) ? (value as T) : undefined, path: `${pod.specPath}.securityContext.${field}` };
}

/** A container-level securityContext field with its path (no pod fallback). */
export function containerSetting<T = unknown>(c: ContainerAt, field: string): { value: T | undefined; path: string } {
  const value = getDotted(containerSecurityContext(c), field);
  return { value: isSet(value) ? (value as T) : undefined, path: `${c.path}.securityContext.${field}` };
}

/**
 * True when the pod targets Windows nodes: `spec.os.name: windows`, or a node selector pinning
 * `kubernetes.io/os` to windows. Linux-only settings (users/groups, capabilities, seccomp, SELinux,
 * read-only root filesystem, privilege escalation) cannot be set or have no effect there.
 */
export function targetsWindows(pod: PodView): boolean {
  if (declaresWindowsOs(pod)) return true;
  const selector = isRecord(pod.spec.nodeSelector) ? pod.spec.nodeSelector : {};
  return selector["kubernetes.io/os"] === "windows" || selector["beta.kubernetes.io/os"] === "windows";
}

/** True only for `spec.os.name: windows`, the one signal Pod Security Admission honours. */
export function declaresWindowsOs(pod: PodView): boolean {
  return isRecord(pod.spec.os) && pod.spec.os.name === "windows";
}

/** Entries of a list field that is expected to be an array (anything else counts as empty). */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
