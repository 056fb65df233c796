// Accessors for the pod template inside any pod-bearing object, with the JSON path to each part.
import type { K8sObject } from "./types";

/** Where each built-in pod-bearing kind keeps its pod spec. */
export const POD_SPEC_PATHS: Readonly<Record<string, string>> = {
  Pod: "spec",
  Deployment: "spec.template.spec",
  StatefulSet: "spec.template.spec",
  DaemonSet: "spec.template.spec",
  ReplicaSet: "spec.template.spec",
  ReplicationController: "spec.template.spec",
  Job: "spec.template.spec",
  CronJob: "spec.jobTemplate.spec.template.spec",
  PodTemplate: "template.spec",
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS).filter((k) => k !== "PodTemplate");

export type ContainerGroup = "containers" | "initContainers" | "ephemeralContainers";

export interface PodSpecAt {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  /** Path of the pod spec, e.g. `spec.template.spec`. */
  path: string;
  /** Path of the pod metadata, e.g. `spec.template.metadata` ("metadata" for a Pod). */
  metadataPath: string;
}

export interface ContainerAt {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  /** e.g. `spec.template.spec.containers[0]` */
  path: string;
  group: ContainerGroup;
  index: number;
}

const CONTAINER_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];

/** Where one kind keeps its pod spec and pod metadata, split once (these accessors run for every control). */
interface PodLocation {
  path: string;
  parts: readonly string[];
  metadataPath: string;
  metadataParts: readonly string[];
  /** `${path}.${group}[${index}]` for the first indexes: a pure function of its inputs, built once per process. */
  containerPaths: Record<ContainerGroup, string[]>;
}

const POD_LOCATIONS = new Map<string, PodLocation>(
  Object.entries(POD_SPEC_PATHS).map(([kind, path]) => {
    const metadataPath = path === "spec" ? "metadata" : path.replace(/\.spec$/, ".metadata");
    const containerPaths = { containers: [], initContainers: [], ephemeralContainers: [] };
    return [kind, { path, parts: path.split("."), metadataPath, metadataParts: metadataPath.split("."), containerPaths }];
  }),
);

const SHARED_CONTAINER_PATHS = 32;

function containerPath(location: PodLocation, group: ContainerGroup, index: number): string {
  if (index >= SHARED_CONTAINER_PATHS) return `${location.path}.${group}[${index}]`;
  // Joined, so the shared string is flat: paths built on it are cheaper to compare and hash.
  return (location.containerPaths[group][index] ??= [location.path, ".", group, "[", index, "]"].join(""));
}

function getParts(obj: unknown, parts: readonly string[]): unknown {
  let current: unknown = obj;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[parts[i]];
  }
  return current;
}

/** The pod spec object at a kind's location, or undefined when it is missing or not an object. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function specAt(obj: K8sObject, location: PodLocation): any {
  const spec = getParts(obj, location.parts);
  return spec && typeof spec === "object" ? spec : undefined;
}

function podMetadataOf(obj: K8sObject): unknown {
  // Own entries only: a kind named like an Object.prototype member has no pod spec.
  const location = POD_LOCATIONS.get(obj.kind);
  if (!location || specAt(obj, location) === undefined) return undefined;
  return location.metadataPath === "metadata" ? obj.metadata : getParts(obj, location.metadataParts);
}

export function isWorkload(obj: K8sObject): boolean {
  return obj.kind in POD_SPEC_PATHS && obj.kind !== "PodTemplate";
}

/** The pod spec of a pod-bearing object, or undefined for any other kind. */
export function podSpecOf(obj: K8sObject): PodSpecAt | undefined {
  const location = POD_LOCATIONS.get(obj.kind);
  if (!location) return undefined;
  const spec = specAt(obj, location);
  if (spec === undefined) return undefined;
  return { spec, path: location.path, metadataPath: location.metadataPath };
}

/** Labels of the pods the object creates (a Pod's own labels, or its template's). */
export function podLabelsOf(obj: K8sObject): Record<string, string> {
  const meta = podMetadataOf(obj);
  return ((meta as { labels?: Record<string, string> } | undefined)?.labels ?? {}) as Record<string, string>;
}

/** Annotations of the pods the object creates. */
export function podAnnotationsOf(obj: K8sObject): Record<string, string> {
  const meta = podMetadataOf(obj);
  return ((meta as { annotations?: Record<string, string> } | undefined)?.annotations ?? {}) as Record<string, string>;
}

/** Every container of a pod-bearing object with its path; pass `groups` to restrict (e.g. only `containers`). */
export function containersOf(obj: K8sObject, groups: readonly ContainerGroup[] = CONTAINER_GROUPS): ContainerAt[] {
  const location = POD_LOCATIONS.get(obj.kind);
  if (!location) return [];
  const spec = specAt(obj, location);
  if (spec === undefined) return [];
  const result: ContainerAt[] = [];
  for (const group of groups) {
    const list = spec[group];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      const container = list[index];
      // A hole reads as undefined and is skipped like forEach skips it.
      if (container && typeof container === "object") {
        result.push({ container, path: containerPath(location, group, index), group, index });
      }
    }
  }
  return result;
}

/** The service account the pods run as ("default" when unset). */
export function serviceAccountNameOf(obj: K8sObject): string {
  const spec = podSpecOf(obj)?.spec;
  return spec?.serviceAccountName || spec?.serviceAccount || "default";
}
