// What a pod spec pulls in from other objects: Secrets, ConfigMaps and PersistentVolumeClaims, through
// mounted volumes (plain and projected), env references and envFrom, with the path of each use.
import type { EvalContext, K8sObject } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { containersInSpec, derivedFromPath, type PodSpecLocation } from "./container-resources";
import { findNamespaced } from "./scan-lookups";

const ALL_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

export interface Reference {
  kind: "Secret" | "ConfigMap" | "PersistentVolumeClaim";
  name: string;
  /** Path of the use: the volumeMount, the env entry or the envFrom entry. */
  path: string;
  /** `[path]`, shared by the findings about that use (read-only). */
  paths: string[];
  container: string;
  via: "volume" | "env" | "envFrom";
}

/** The volume of that name (the last one wins, as for the API's own lookup); pod specs have a handful, so no map is built. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function volumeNamed(volumes: readonly unknown[], name: string): any {
  for (let i = volumes.length - 1; i >= 0; i--) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const v = volumes[i] as any;
    if (v?.name === name) return v;
  }
  return undefined;
}

/** Where a container uses another object, by the index of the entry that does. */
type Use = "volumeMount" | "secretKeyRef" | "configMapKeyRef" | "secretRef" | "configMapRef";

const USE_SUFFIX: Record<Use, readonly [string, string]> = {
  volumeMount: [".volumeMounts[", "]"],
  secretKeyRef: [".env[", "].valueFrom.secretKeyRef"],
  configMapKeyRef: [".env[", "].valueFrom.configMapKeyRef"],
  secretRef: [".envFrom[", "].secretRef"],
  configMapRef: [".envFrom[", "].configMapRef"],
};

// Entry indexes past this get their path list built per use: the shared tables must not grow with hostile data.
const MAX_SHARED_USE_INDEX = 32;

const newUseTable = (): (string[] | undefined)[] => [];

/**
 * `[path of the use]`, shared per container path, use and index when the container path is shared
 * (read-only): findings name the same few uses over and over.
 */
function usePaths(containerPath: string, use: Use, index: number): string[] {
  const [before, after] = USE_SUFFIX[use];
  if (index >= MAX_SHARED_USE_INDEX) return [`${containerPath}${before}${index}${after}`];
  const table = derivedFromPath(containerPath, use, newUseTable);
  return (table[index] ??= Object.freeze([`${containerPath}${before}${index}${after}`]) as unknown as string[]);
}

function reference(kind: Reference["kind"], name: string, paths: string[], container: string, via: Reference["via"]): Reference {
  return { kind, name, path: paths[0], paths, container, via };
}

/** Adds a reference for each Secret, ConfigMap or PVC a mounted volume draws on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function addVolumeReferences(refs: Reference[], volume: any, paths: string[], container: string): void {
  if (typeof volume.secret?.secretName === "string") refs.push(reference("Secret", volume.secret.secretName, paths, container, "volume"));
  if (typeof volume.configMap?.name === "string") refs.push(reference("ConfigMap", volume.configMap.name, paths, container, "volume"));
  if (typeof volume.persistentVolumeClaim?.claimName === "string") {
    refs.push(reference("PersistentVolumeClaim", volume.persistentVolumeClaim.claimName, paths, container, "volume"));
  }
  const sources: readonly unknown[] = Array.isArray(volume.projected?.sources) ? volume.projected.sources : NO_ITEMS;
  for (const item of sources) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const source = item as any;
    if (typeof source?.secret?.name === "string") refs.push(reference("Secret", source.secret.name, paths, container, "volume"));
    if (typeof source?.configMap?.name === "string") refs.push(reference("ConfigMap", source.configMap.name, paths, container, "volume"));
  }
}

/**
 * Every use of a Secret, ConfigMap or PVC by the pod's containers. A volume counts only where a
 * container mounts it; a StatefulSet's volumeClaimTemplates count as PVCs named after the template.
 * Shared by several controls: read-only.
 */
export function podReferences(at: PodSpecLocation, claimTemplates: readonly string[] = []): Reference[] {
  // Only the PVC control passes claim templates, once per StatefulSet: that list is not kept.
  if (claimTemplates.length) return collectReferences(at, claimTemplates);
  return (at.references ??= collectReferences(at, claimTemplates));
}

function collectReferences(at: PodSpecLocation, claimTemplates: readonly string[]): Reference[] {
  const refs: Reference[] = [];
  const volumes: readonly unknown[] = Array.isArray(at.spec?.volumes) ? at.spec.volumes : NO_ITEMS;
  for (const { container, path } of containersInSpec(at, ALL_GROUPS)) {
    const containerName = String(container.name ?? "");
    const mounts: readonly unknown[] = Array.isArray(container.volumeMounts) ? container.volumeMounts : NO_ITEMS;
    for (let k = 0; k < mounts.length; k++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const name = (mounts[k] as any)?.name;
      if (typeof name !== "string") continue;
      const volume = volumeNamed(volumes, name);
      if (volume) addVolumeReferences(refs, volume, usePaths(path, "volumeMount", k), containerName);
      else if (claimTemplates.includes(name)) refs.push(reference("PersistentVolumeClaim", name, usePaths(path, "volumeMount", k), containerName, "volume"));
    }
    const env: readonly unknown[] = Array.isArray(container.env) ? container.env : NO_ITEMS;
    for (let j = 0; j < env.length; j++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const from = (env[j] as any)?.valueFrom;
      if (!from) continue;
      if (typeof from.secretKeyRef?.name === "string") refs.push(reference("Secret", from.secretKeyRef.name, usePaths(path, "secretKeyRef", j), containerName, "env"));
      if (typeof from.configMapKeyRef?.name === "string") {
        refs.push(reference("ConfigMap", from.configMapKeyRef.name, usePaths(path, "configMapKeyRef", j), containerName, "env"));
      }
    }
    const envFrom: readonly unknown[] = Array.isArray(container.envFrom) ? container.envFrom : NO_ITEMS;
    for (let j = 0; j < envFrom.length; j++) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const s = envFrom[j] as any;
      if (typeof s?.secretRef?.name === "string") refs.push(reference("Secret", s.secretRef.name, usePaths(path, "secretRef", j), containerName, "envFrom"));
      if (typeof s?.configMapRef?.name === "string") refs.push(reference("ConfigMap", s.configMapRef.name, usePaths(path, "configMapRef", j), containerName, "envFrom"));
    }
  }
  return refs;
}

/** Whether any of the references is to an object of that kind (most pods reference no Secret at all). */
export function referencesKind(refs: readonly Reference[], kind: Reference["kind"]): boolean {
  for (let i = 0; i < refs.length; i++) if (refs[i].kind === kind) return true;
  return false;
}

const NO_TEMPLATES: readonly string[] = Object.freeze([]);

/** Names of a StatefulSet's volume claim templates. */
export function claimTemplateNames(obj: K8sObject): readonly string[] {
  if (obj.kind !== "StatefulSet" || !Array.isArray(obj.spec?.volumeClaimTemplates)) return NO_TEMPLATES;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return obj.spec.volumeClaimTemplates.map((t: any) => t?.metadata?.name).filter((n: unknown): n is string => typeof n === "string");
}

/**
 * Whether a reference can grant access: when the scan collected objects of that kind, a reference to
 * one that is not there points at nothing (the pod cannot start, or an optional source is empty);
 * when it collected none (a manifest scan, or a kind the agent may not read), we assume it exists.
 */
export function referenceResolves(ctx: EvalContext, kind: string, namespace: string, name: string): boolean {
  if (ctx.index.byKind(kind).length === 0) return true;
  return findNamespaced(ctx, kind, namespace, name) !== undefined;
}
