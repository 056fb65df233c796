// What a pod spec pulls in from other objects: Secrets, ConfigMaps and PersistentVolumeClaims, through
// mounted volumes (plain and projected), env references and envFrom, with the path of each use.
import type { EvalContext, K8sObject } from "../../engine/types";
import type { ContainerGroup } from "../../engine/workload";
import { containersInSpec, type PodSpecLocation } from "./container-resources";
import { findNamespaced } from "./scan-lookups";

const ALL_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];

export interface Reference {
  kind: "Secret" | "ConfigMap" | "PersistentVolumeClaim";
  name: string;
  /** Path of the use: the volumeMount, the env entry or the envFrom entry. */
  path: string;
  container: string;
  via: "volume" | "env" | "envFrom";
}

/** For each volume name, the volume definition and its index in `volumes`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function volumesByName(spec: any): Map<string, { volume: any; index: number }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const map = new Map<string, { volume: any; index: number }>();
  (Array.isArray(spec?.volumes) ? spec.volumes : []).forEach((volume: unknown, index: number) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const v = volume as any;
    if (typeof v?.name === "string") map.set(v.name, { volume: v, index });
  });
  return map;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function objectsOfVolume(volume: any): { kind: Reference["kind"]; name: string }[] {
  const found: { kind: Reference["kind"]; name: string }[] = [];
  if (typeof volume?.secret?.secretName === "string") found.push({ kind: "Secret", name: volume.secret.secretName });
  if (typeof volume?.configMap?.name === "string") found.push({ kind: "ConfigMap", name: volume.configMap.name });
  if (typeof volume?.persistentVolumeClaim?.claimName === "string") {
    found.push({ kind: "PersistentVolumeClaim", name: volume.persistentVolumeClaim.claimName });
  }
  for (const source of Array.isArray(volume?.projected?.sources) ? volume.projected.sources : []) {
    if (typeof source?.secret?.name === "string") found.push({ kind: "Secret", name: source.secret.name });
    if (typeof source?.configMap?.name === "string") found.push({ kind: "ConfigMap", name: source.configMap.name });
  }
  return found;
}

/**
 * Every use of a Secret, ConfigMap or PVC by the pod's containers. A volume counts only where a
 * container mounts it; a StatefulSet's volumeClaimTemplates count as PVCs named after the template.
 */
export function podReferences(at: PodSpecLocation, claimTemplates: readonly string[] = []): Reference[] {
  const memoKey = claimTemplates.join("\u0000");
  const memo = referencesBySpec.get(at.spec);
  if (memo && memo.key === memoKey) return memo.refs;
  const refs = collectReferences(at, claimTemplates);
  if (at.spec && typeof at.spec === "object") referencesBySpec.set(at.spec, { key: memoKey, refs });
  return refs;
}

const referencesBySpec = new WeakMap<object, { key: string; refs: Reference[] }>();

function collectReferences(at: PodSpecLocation, claimTemplates: readonly string[]): Reference[] {
  const refs: Reference[] = [];
  const volumes = volumesByName(at.spec);
  for (const { container, path } of containersInSpec(at, ALL_GROUPS)) {
    const containerName = String(container.name ?? "");
    (Array.isArray(container.volumeMounts) ? container.volumeMounts : []).forEach((mount: unknown, k: number) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const name = (mount as any)?.name;
      if (typeof name !== "string") return;
      const mountPath = `${path}.volumeMounts[${k}]`;
      const vol = volumes.get(name);
      if (vol) {
        for (const o of objectsOfVolume(vol.volume)) refs.push({ ...o, path: mountPath, container: containerName, via: "volume" });
      } else if (claimTemplates.includes(name)) {
        refs.push({ kind: "PersistentVolumeClaim", name, path: mountPath, container: containerName, via: "volume" });
      }
    });
    (Array.isArray(container.env) ? container.env : []).forEach((env: unknown, j: number) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const from = (env as any)?.valueFrom;
      if (typeof from?.secretKeyRef?.name === "string") {
        refs.push({ kind: "Secret", name: from.secretKeyRef.name, path: `${path}.env[${j}].valueFrom.secretKeyRef`, container: containerName, via: "env" });
      }
      if (typeof from?.configMapKeyRef?.name === "string") {
        refs.push({ kind: "ConfigMap", name: from.configMapKeyRef.name, path: `${path}.env[${j}].valueFrom.configMapKeyRef`, container: containerName, via: "env" });
      }
    });
    (Array.isArray(container.envFrom) ? container.envFrom : []).forEach((source: unknown, j: number) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const s = source as any;
      if (typeof s?.secretRef?.name === "string") {
        refs.push({ kind: "Secret", name: s.secretRef.name, path: `${path}.envFrom[${j}].secretRef`, container: containerName, via: "envFrom" });
      }
      if (typeof s?.configMapRef?.name === "string") {
        refs.push({ kind: "ConfigMap", name: s.configMapRef.name, path: `${path}.envFrom[${j}].configMapRef`, container: containerName, via: "envFrom" });
      }
    });
  }
  return refs;
}

/** Names of a StatefulSet's volume claim templates. */
export function claimTemplateNames(obj: K8sObject): string[] {
  if (obj.kind !== "StatefulSet" || !Array.isArray(obj.spec?.volumeClaimTemplates)) return [];
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
