// Effective CPU/memory requests and limits of containers, as the API server and the LimitRanger
// admission plugin would set them, and the checks the resource controls share.
import type { EvalContext, K8sObject, Violation } from "../../engine/types";
import { podSpecOf, type ContainerGroup } from "../../engine/workload";
import { compareQuantities, parseQuantity } from "./quantity";

export type ResourceName = "cpu" | "memory";
export type ResourceField = "requests" | "limits";

export interface PodSpecLocation {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  /** Path of the pod spec, e.g. `spec.template.spec`. */
  path: string;
  namespace: string;
}

export interface ContainerInSpec {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  path: string;
  group: ContainerGroup;
  index: number;
}

const ALL_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers", "ephemeralContainers"];

// Dozens of controls walk the same pod specs; the walks are memoized per spec object for the scan's lifetime.
const containersBySpec = new WeakMap<object, ContainerInSpec[]>();
const locations = new WeakMap<K8sObject, PodSpecLocation | null>();

/** Containers of a pod spec with their paths (ephemeral containers excluded unless asked for). */
export function containersInSpec(
  at: PodSpecLocation,
  groups: readonly ContainerGroup[] = ["containers", "initContainers"],
): ContainerInSpec[] {
  if (!at.spec || typeof at.spec !== "object") return [];
  let all = containersBySpec.get(at.spec);
  if (!all) {
    all = [];
    for (const group of ALL_GROUPS) {
      const list = at.spec[group];
      if (!Array.isArray(list)) continue;
      list.forEach((container, index) => {
        if (container && typeof container === "object") all!.push({ container, path: `${at.path}.${group}[${index}]`, group, index });
      });
    }
    containersBySpec.set(at.spec, all);
  }
  return groups.length === ALL_GROUPS.length ? all : all.filter((c) => groups.includes(c.group));
}

export function podSpecLocationOf(obj: K8sObject): PodSpecLocation | undefined {
  let at = locations.get(obj);
  if (at === undefined) {
    const found = podSpecOf(obj);
    at = found ? { spec: found.spec, path: found.path, namespace: obj.metadata?.namespace || "default" } : null;
    locations.set(obj, at);
  }
  return at ?? undefined;
}

/** Containers of a pod-bearing object (all groups unless restricted); empty for other objects. */
export function containersOfObject(obj: K8sObject, groups: readonly ContainerGroup[] = ALL_GROUPS): ContainerInSpec[] {
  const at = podSpecLocationOf(obj);
  return at ? containersInSpec(at, groups) : [];
}

interface ContainerDefaults {
  default: Partial<Record<ResourceName, unknown>>;
  defaultRequest: Partial<Record<ResourceName, unknown>>;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/**
 * Container defaults the namespace's LimitRanges inject at admission. The API defaults a
 * LimitRange item's `default` from `max` and its `defaultRequest` from `default`, then `min`.
 */
export function limitRangeDefaults(ctx: EvalContext, namespace: string): ContainerDefaults {
  return ctx.cache(`workload-hygiene:limit-range-defaults:${namespace}`, () => {
    const result: ContainerDefaults = { default: {}, defaultRequest: {} };
    for (const lr of ctx.index.inNamespace(namespace)) {
      if (lr.kind !== "LimitRange" || !Array.isArray(lr.spec?.limits)) continue;
      for (const item of lr.spec.limits) {
        if (item?.type !== "Container") continue;
        for (const resource of ["cpu", "memory"] as const) {
          const limit = item.default?.[resource] ?? item.max?.[resource];
          const request = item.defaultRequest?.[resource] ?? limit ?? item.min?.[resource];
          if (isSet(limit) && !isSet(result.default[resource])) result.default[resource] = limit;
          if (isSet(request) && !isSet(result.defaultRequest[resource])) result.defaultRequest[resource] = request;
        }
      }
    }
    return result;
  });
}

export interface EffectiveResource {
  value: unknown;
  /** Where the value comes from: the container, its own limit (requests default to limits), a LimitRange, or the pod-level resources. */
  source: "container" | "own-limit" | "limit-range" | "pod";
}

/** The request or limit a container ends up with, or undefined when nothing sets it. */
export function effectiveResource(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any,
  field: ResourceField,
  resource: ResourceName,
  defaults: ContainerDefaults,
): EffectiveResource | undefined {
  const explicit = container?.resources?.[field]?.[resource];
  if (isSet(explicit)) return { value: explicit, source: "container" };
  if (field === "requests") {
    const ownLimit = container?.resources?.limits?.[resource];
    if (isSet(ownLimit)) return { value: ownLimit, source: "own-limit" };
    if (isSet(defaults.defaultRequest[resource])) return { value: defaults.defaultRequest[resource], source: "limit-range" };
    return undefined;
  }
  if (isSet(defaults.default[resource])) return { value: defaults.default[resource], source: "limit-range" };
  return undefined;
}

export interface ResourceRequirement {
  field: ResourceField;
  resource: ResourceName;
  /** Bounds as Kubernetes quantities; empty or missing = not enforced. */
  min?: string;
  max?: string;
}

const LABEL: Record<ResourceField, string> = { requests: "request", limits: "limit" };

function bound(value: string | undefined, setting: string): number | undefined {
  if (value === undefined || value === null || String(value).trim() === "") return undefined;
  const parsed = parseQuantity(String(value));
  if (parsed === undefined) throw new Error(`setting ${setting} is not a Kubernetes quantity: "${value}"`);
  return parsed;
}

/**
 * Checks that every regular and init container has the required requests/limits (explicit, or
 * defaulted by the API server or a LimitRange) and that explicit values respect the bounds.
 * Ephemeral containers cannot declare resources and are ignored.
 */
export function checkContainerResources(
  at: PodSpecLocation,
  ctx: EvalContext,
  requirements: readonly ResourceRequirement[],
  settingName: (r: ResourceRequirement, which: "min" | "max") => string,
): Violation[] {
  const violations: Violation[] = [];
  const defaults = limitRangeDefaults(ctx, at.namespace);
  const podLevel = at.spec?.resources ?? {};
  for (const { container, path } of containersInSpec(at)) {
    const name = container.name ?? "(unnamed)";
    for (const req of requirements) {
      const fieldPath = `${path}.resources.${req.field}.${req.resource}`;
      let effective = effectiveResource(container, req.field, req.resource, defaults);
      if (!effective && isSet(podLevel?.[req.field]?.[req.resource])) {
        effective = { value: podLevel[req.field][req.resource], source: "pod" };
      }
      if (!effective) {
        violations.push({
          message: `container "${name}" has no ${req.resource} ${LABEL[req.field]}`,
          fixPaths: [{ path: fieldPath, value: "YOUR_VALUE" }],
        });
        continue;
      }
      const amount = parseQuantity(effective.value);
      const valuePath = effective.source === "pod" ? `${at.path}.resources.${req.field}.${req.resource}` : fieldPath;
      if (amount === undefined) {
        violations.push({
          message: `container "${name}" has an invalid ${req.resource} ${LABEL[req.field]} "${String(effective.value)}"`,
          paths: [valuePath],
        });
        continue;
      }
      const min = bound(req.min, settingName(req, "min"));
      const max = bound(req.max, settingName(req, "max"));
      if (max !== undefined && compareQuantities(amount, max) > 0) {
        violations.push({
          message: `container "${name}" ${req.resource} ${LABEL[req.field]} ${String(effective.value)} is above the allowed maximum ${req.max}`,
          paths: [valuePath],
        });
      } else if (min !== undefined && compareQuantities(amount, min) < 0) {
        violations.push({
          message: `container "${name}" ${req.resource} ${LABEL[req.field]} ${String(effective.value)} is below the required minimum ${req.min}`,
          paths: [valuePath],
        });
      }
    }
  }
  return violations;
}

const SETTING_KEYS: Record<ResourceField, Record<ResourceName, { min: string; max: string }>> = {
  requests: {
    cpu: { min: "cpuRequestMin", max: "cpuRequestMax" },
    memory: { min: "memoryRequestMin", max: "memoryRequestMax" },
  },
  limits: {
    cpu: { min: "cpuLimitMin", max: "cpuLimitMax" },
    memory: { min: "memoryLimitMin", max: "memoryLimitMax" },
  },
};

/** Requirement with the scan's configured bounds for that field and resource. */
export function requirementWithBounds(ctx: EvalContext, field: ResourceField, resource: ResourceName): ResourceRequirement {
  const keys = SETTING_KEYS[field][resource];
  const settings = ctx.settings as unknown as Record<string, unknown>;
  const read = (k: string) => (typeof settings[k] === "string" ? (settings[k] as string) : undefined);
  return { field, resource, min: read(keys.min), max: read(keys.max) };
}

export function boundSettingName(r: ResourceRequirement, which: "min" | "max"): string {
  return SETTING_KEYS[r.field][r.resource][which];
}

/** Evaluates a pod-bearing object against resource requirements (the shared body of the resource controls). */
export function evaluateWorkloadResources(
  obj: K8sObject,
  ctx: EvalContext,
  needs: readonly [ResourceField, ResourceName][],
  withBounds: boolean,
): Violation[] | null {
  const at = podSpecLocationOf(obj);
  if (!at) return null;
  const requirements = needs.map(([field, resource]) =>
    withBounds ? requirementWithBounds(ctx, field, resource) : { field, resource },
  );
  return checkContainerResources(at, ctx, requirements, boundSettingName);
}
