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
const REGULAR_GROUPS: readonly ContainerGroup[] = ["containers", "initContainers"];

/** The containers of one pod spec, walked once; the common group selections are kept as their own lists. */
interface SpecContainers {
  all: ContainerInSpec[];
  /** Regular and init containers (the default selection). */
  regular?: ContainerInSpec[];
  /** Regular containers only. */
  main?: ContainerInSpec[];
}

// Dozens of controls walk the same pod specs; the walks are memoized per spec object for the scan's lifetime.
// The lists are shared between callers: read-only.
const containersBySpec = new WeakMap<object, SpecContainers>();
const locations = new WeakMap<K8sObject, PodSpecLocation | null>();

function specContainers(at: PodSpecLocation): SpecContainers {
  let lists = containersBySpec.get(at.spec);
  if (!lists) {
    const all: ContainerInSpec[] = [];
    for (const group of ALL_GROUPS) {
      const list = at.spec[group];
      if (!Array.isArray(list)) continue;
      for (let index = 0; index < list.length; index++) {
        const container = list[index];
        if (container && typeof container === "object") all.push({ container, path: `${at.path}.${group}[${index}]`, group, index });
      }
    }
    lists = { all };
    containersBySpec.set(at.spec, lists);
  }
  return lists;
}

function isSelection(groups: readonly ContainerGroup[], wanted: readonly ContainerGroup[]): boolean {
  if (groups === wanted) return true;
  if (groups.length !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) if (groups[i] !== wanted[i]) return false;
  return true;
}

/** Containers of a pod spec with their paths (ephemeral containers excluded unless asked for). Read-only. */
export function containersInSpec(
  at: PodSpecLocation,
  groups: readonly ContainerGroup[] = REGULAR_GROUPS,
): ContainerInSpec[] {
  if (!at.spec || typeof at.spec !== "object") return [];
  const lists = specContainers(at);
  if (groups.length === ALL_GROUPS.length) return lists.all;
  if (isSelection(groups, REGULAR_GROUPS)) return (lists.regular ??= lists.all.filter((c) => c.group !== "ephemeralContainers"));
  if (groups.length === 1 && groups[0] === "containers") return (lists.main ??= lists.all.filter((c) => c.group === "containers"));
  return lists.all.filter((c) => groups.includes(c.group));
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

/** Containers of a pod-bearing object (all groups unless restricted); empty for other objects. Read-only. */
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

const NO_DEFAULTS: ContainerDefaults = Object.freeze({ default: Object.freeze({}), defaultRequest: Object.freeze({}) });

/**
 * Container defaults the namespace's LimitRanges inject at admission. The API defaults a
 * LimitRange item's `default` from `max` and its `defaultRequest` from `default`, then `min`.
 */
export function limitRangeDefaults(ctx: EvalContext, namespace: string): ContainerDefaults {
  const byNamespace = ctx.cache("workload-hygiene:limit-range-defaults", () => {
    const map = new Map<string, ContainerDefaults>();
    for (const lr of ctx.index.byKind("LimitRange")) {
      // Like the index's namespace lists: a LimitRange written without a namespace belongs to none.
      const namespace = lr.metadata?.namespace;
      if (!namespace || !Array.isArray(lr.spec?.limits)) continue;
      let result = map.get(namespace);
      if (!result) map.set(namespace, (result = { default: {}, defaultRequest: {} }));
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
    return map;
  });
  return byNamespace.get(namespace) ?? NO_DEFAULTS;
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

/** A requirement's bounds, parsed: numbers, or the error a malformed setting raises once a value is compared with it. */
interface ParsedBounds {
  min?: number;
  max?: number;
  error?: Error;
}

function parseBounds(req: ResourceRequirement, settingName: (r: ResourceRequirement, which: "min" | "max") => string): ParsedBounds {
  try {
    return { min: bound(req.min, settingName(req, "min")), max: bound(req.max, settingName(req, "max")) };
  } catch (error) {
    return { error: error as Error };
  }
}

/** The value a container ends up with: its own, a default, or else the pod-level resources. */
function effectiveOrPodLevel(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any,
  field: ResourceField,
  resource: ResourceName,
  defaults: ContainerDefaults,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podLevel: any,
): EffectiveResource | undefined {
  const effective = effectiveResource(container, field, resource, defaults);
  if (effective) return effective;
  const pod = podLevel?.[field]?.[resource];
  return isSet(pod) ? { value: pod, source: "pod" } : undefined;
}

function fieldPathOf(path: string, field: ResourceField, resource: ResourceName): string {
  return `${path}.resources.${field}.${resource}`;
}

/** The finding for a container that ends up without a value, or with one that is not a quantity. */
function missingOrInvalid(
  at: PodSpecLocation,
  containerPath: string,
  name: string,
  field: ResourceField,
  resource: ResourceName,
  effective: EffectiveResource | undefined,
): Violation | undefined {
  if (!effective) {
    return {
      message: `container "${name}" has no ${resource} ${LABEL[field]}`,
      fixPaths: [{ path: fieldPathOf(containerPath, field, resource), value: "YOUR_VALUE" }],
    };
  }
  if (parseQuantity(effective.value) !== undefined) return undefined;
  return {
    message: `container "${name}" has an invalid ${resource} ${LABEL[field]} "${String(effective.value)}"`,
    paths: [valuePathOf(at, containerPath, field, resource, effective)],
  };
}

function valuePathOf(at: PodSpecLocation, containerPath: string, field: ResourceField, resource: ResourceName, effective: EffectiveResource): string {
  return fieldPathOf(effective.source === "pod" ? at.path : containerPath, field, resource);
}

/** The finding for a valid value outside the bounds (the bounds' error when a bound is malformed). */
function outOfBounds(
  at: PodSpecLocation,
  containerPath: string,
  name: string,
  req: ResourceRequirement,
  effective: EffectiveResource,
  bounds: ParsedBounds,
): Violation | Error | undefined {
  if (bounds.error) return bounds.error;
  if (bounds.max === undefined && bounds.min === undefined) return undefined;
  const amount = parseQuantity(effective.value)!;
  const { field, resource } = req;
  if (bounds.max !== undefined && compareQuantities(amount, bounds.max) > 0) {
    return {
      message: `container "${name}" ${resource} ${LABEL[field]} ${String(effective.value)} is above the allowed maximum ${req.max}`,
      paths: [valuePathOf(at, containerPath, field, resource, effective)],
    };
  }
  if (bounds.min !== undefined && compareQuantities(amount, bounds.min) < 0) {
    return {
      message: `container "${name}" ${resource} ${LABEL[field]} ${String(effective.value)} is below the required minimum ${req.min}`,
      paths: [valuePathOf(at, containerPath, field, resource, effective)],
    };
  }
  return undefined;
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
  let bounds: ParsedBounds[] | undefined;
  for (const { container, path } of containersInSpec(at)) {
    const name = container.name ?? "(unnamed)";
    for (let i = 0; i < requirements.length; i++) {
      const req = requirements[i];
      const effective = effectiveOrPodLevel(container, req.field, req.resource, defaults, podLevel);
      const problem = missingOrInvalid(at, path, name, req.field, req.resource, effective);
      if (problem) {
        violations.push(problem);
        continue;
      }
      bounds ??= requirements.map((r) => parseBounds(r, settingName));
      const outside = outOfBounds(at, path, name, req, effective!, bounds[i]);
      if (outside instanceof Error) throw outside;
      if (outside) violations.push(outside);
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

/** The four (field, resource) pairs the workload resource controls check, in a fixed order. */
const SLOTS: readonly (readonly [ResourceField, ResourceName])[] = [
  ["requests", "cpu"],
  ["requests", "memory"],
  ["limits", "cpu"],
  ["limits", "memory"],
];

function slotOf(field: ResourceField, resource: ResourceName): number {
  return (field === "limits" ? 2 : 0) + (resource === "memory" ? 1 : 0);
}

/** One container's findings for every slot, shared by the resource controls (read-only). */
interface ContainerResourceFindings {
  /** Per slot: no value, or a value that is not a quantity (reported with and without bounds). */
  missing: (Violation | undefined)[];
  /** Per slot: a value outside the scan's bounds, or the error of a malformed bound (only with bounds); absent when none. */
  bounds?: (Violation | Error | undefined)[];
}

/** Every slot's requirement with the scan's bounds, parsed once per scan. */
function scanBounds(ctx: EvalContext): { requirement: ResourceRequirement; bounds: ParsedBounds }[] {
  return ctx.cache("workload-hygiene:resource-bounds", () =>
    SLOTS.map(([field, resource]) => {
      const requirement = requirementWithBounds(ctx, field, resource);
      return { requirement, bounds: parseBounds(requirement, boundSettingName) };
    }),
  );
}

const newFindingsMap = () => new WeakMap<K8sObject, ContainerResourceFindings[] | null>();

/**
 * The resource findings of each regular and init container of a pod-bearing object (null for other
 * objects), computed once per object and scan: seven controls read the same four values.
 */
function resourceFindingsOf(obj: K8sObject, ctx: EvalContext): ContainerResourceFindings[] | null {
  const cache = ctx.cache("workload-hygiene:resource-findings", newFindingsMap);
  let findings = cache.get(obj);
  if (findings !== undefined) return findings;
  const at = podSpecLocationOf(obj);
  if (!at) {
    cache.set(obj, null);
    return null;
  }
  const defaults = limitRangeDefaults(ctx, at.namespace);
  const podLevel = at.spec?.resources ?? {};
  const slots = scanBounds(ctx);
  findings = [];
  for (const { container, path } of containersInSpec(at)) {
    const name = container.name ?? "(unnamed)";
    const entry: ContainerResourceFindings = { missing: [undefined, undefined, undefined, undefined] };
    for (let slot = 0; slot < SLOTS.length; slot++) {
      const { requirement, bounds } = slots[slot];
      const effective = effectiveOrPodLevel(container, requirement.field, requirement.resource, defaults, podLevel);
      const problem = missingOrInvalid(at, path, name, requirement.field, requirement.resource, effective);
      if (problem) {
        entry.missing[slot] = problem;
        continue;
      }
      const outside = outOfBounds(at, path, name, requirement, effective!, bounds);
      if (outside) (entry.bounds ??= [undefined, undefined, undefined, undefined])[slot] = outside;
    }
    findings.push(entry);
  }
  cache.set(obj, findings);
  return findings;
}

/**
 * Evaluates a pod-bearing object against resource requirements (the shared body of the resource
 * controls): per container, in the order of `needs`. Without bounds only missing and invalid values count.
 */
export function evaluateWorkloadResources(
  obj: K8sObject,
  ctx: EvalContext,
  needs: readonly [ResourceField, ResourceName][],
  withBounds: boolean,
): Violation[] | null {
  const findings = resourceFindingsOf(obj, ctx);
  if (!findings) return null;
  const violations: Violation[] = [];
  for (const container of findings) {
    for (let i = 0; i < needs.length; i++) {
      const slot = slotOf(needs[i][0], needs[i][1]);
      const missing = container.missing[slot];
      if (missing) violations.push(missing);
      else if (withBounds && container.bounds?.[slot]) {
        const outside = container.bounds[slot]!;
        if (outside instanceof Error) throw outside;
        violations.push(outside);
      }
    }
  }
  return violations;
}
