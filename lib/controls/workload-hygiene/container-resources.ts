// Effective CPU/memory requests and limits of containers, as the API server and the LimitRanger
// admission plugin would set them, and the checks the resource controls share.
import type { EvalContext, FixPath, K8sObject, Violation } from "../../engine/types";
import { podSpecOf, type ContainerGroup } from "../../engine/workload";
import type { SpecImages } from "./container-images";
import type { Reference } from "./pod-references";
import { compareQuantities, parseQuantity } from "./quantity";

export type ResourceName = "cpu" | "memory";
export type ResourceField = "requests" | "limits";

export interface PodSpecLocation {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec: any;
  /** Path of the pod spec, e.g. `spec.template.spec`. */
  path: string;
  namespace: string;
  // What the area's helpers derive from the spec, each built on first use and kept on the location
  // (one per object and scan): reading them costs no further table lookup. Read-only.
  /** See specContainers. */
  containers: SpecContainers | undefined;
  /** See imagesInSpec. */
  images: SpecImages | undefined;
  /** See podReferences. */
  references: Reference[] | undefined;
  /** The images of the regular and init containers, one per line (see vulnerable-images). */
  imageText: string | undefined;
}

/** A location with nothing derived yet (every location is built here, so all have one shape). */
export function newPodSpecLocation(spec: object, path: string, namespace: string): PodSpecLocation {
  return { spec, path, namespace, containers: undefined, images: undefined, references: undefined, imageText: undefined };
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
export interface SpecContainers {
  all: ContainerInSpec[];
  /** Regular and init containers (the default selection). */
  regular?: ContainerInSpec[];
  /** Regular containers only. */
  main?: ContainerInSpec[];
}

// Dozens of controls walk the same pod specs: the location, and with it the walks, are memoized per
// object for the scan's lifetime. The lists are shared between callers: read-only.
const locations = new WeakMap<K8sObject, PodSpecLocation | null>();

// Container paths (`spec.template.spec.containers[0]`), built once per pod spec location, group and
// index: the locations are the code's own constants, and one shared string per path makes it a cheap
// map key for the finding pools.
const containerPaths = new Map<string, Map<ContainerGroup, string[]>>();

// Indexes past this are built per call: the table outlives scans and must not grow with hostile data.
const MAX_SHARED_CONTAINER_INDEX = 32;

function containerPath(specPath: string, group: ContainerGroup, index: number): string {
  if (index >= MAX_SHARED_CONTAINER_INDEX) return `${specPath}.${group}[${index}]`;
  let byGroup = containerPaths.get(specPath);
  if (!byGroup) containerPaths.set(specPath, (byGroup = new Map()));
  let paths = byGroup.get(group);
  if (!paths) byGroup.set(group, (paths = []));
  let path = paths[index];
  if (path === undefined) {
    paths[index] = path = `${specPath}.${group}[${index}]`;
    sharedPaths.set(path, newContainerPathFacts());
  }
  return path;
}

/**
 * Paths and fix paths derived from one shared container path alone, built on first use and kept with
 * it (read-only): findings about that container share them instead of building them per finding.
 */
export interface ContainerPathFacts {
  /** "No value" fix paths per resource slot (see SLOTS). */
  missingResource: (FixPath[] | undefined)[];
  /** Whatever other modules derive from the path alone, by their own key. */
  more: Map<string, unknown> | undefined;
}

const newContainerPathFacts = (): ContainerPathFacts => ({ missingResource: [undefined, undefined, undefined, undefined], more: undefined });

// The facts of the shared container paths, by path: bounded like the path table.
const sharedPaths = new Map<string, ContainerPathFacts>();

/** The facts of a shared container path; undefined for paths built per call (high indexes). */
export function containerPathFacts(path: string): ContainerPathFacts | undefined {
  return sharedPaths.get(path);
}

/** `build(path)` once per shared container path and key, else per call (read-only when shared). */
export function derivedFromPath<T>(path: string, key: string, build: (path: string) => T): T {
  const facts = sharedPaths.get(path);
  if (!facts) return build(path);
  const more = (facts.more ??= new Map());
  let value = more.get(key) as T | undefined;
  if (value === undefined) more.set(key, (value = build(path)));
  return value;
}

/** `[{ path, value }]`, frozen: a fix path list findings may share. */
export function sharedFixPaths(path: string, value: string): FixPath[] {
  return Object.freeze([Object.freeze({ path, value })]) as unknown as FixPath[];
}

/** A passing result shared by every object (read-only): a control returns it instead of a new empty list. */
export const NO_VIOLATIONS: Violation[] = Object.freeze([]) as unknown as Violation[];

const NO_CONTAINERS: ContainerInSpec[] = Object.freeze([]) as unknown as ContainerInSpec[];

/**
 * `list` with `item` appended, a new list at the first item: the lists memoized for a scan mostly
 * hold one item, and a list grown by push from empty reserves room for 17.
 */
export function append<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

function specContainers(at: PodSpecLocation): SpecContainers {
  let lists = at.containers;
  if (!lists) {
    let all: ContainerInSpec[] = NO_CONTAINERS;
    let mainCount = 0;
    let regularCount = 0;
    for (const group of ALL_GROUPS) {
      // Most specs lack init and ephemeral containers; asking first is cheaper than reading a missing key.
      if (!Object.prototype.hasOwnProperty.call(at.spec, group)) continue;
      const list = at.spec[group];
      if (!Array.isArray(list)) continue;
      for (let index = 0; index < list.length; index++) {
        const container = list[index];
        if (container && typeof container === "object") all = append(all, { container, path: containerPath(at.path, group, index), group, index });
      }
      if (group === "containers") mainCount = all.length;
      if (group !== "ephemeralContainers") regularCount = all.length;
    }
    lists = { all };
    // Usually nothing but regular containers: the selections are then the same list.
    if (regularCount === all.length) lists.regular = all;
    if (mainCount === all.length) lists.main = all;
    at.containers = lists;
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
  const at = locations.get(obj);
  if (at === undefined) return locate(obj);
  return at ?? undefined;
}

// Out of line: dozens of controls' optimized code inline podSpecLocationOf, and only the first
// call per object needs this part.
function locate(obj: K8sObject): PodSpecLocation | undefined {
  const found = podSpecOf(obj);
  const at = found ? newPodSpecLocation(found.spec, found.path, obj.metadata?.namespace || "default") : null;
  locations.set(obj, at);
  return at ?? undefined;
}

/** Containers of a pod-bearing object (all groups unless restricted); empty for other objects. Read-only. */
export function containersOfObject(obj: K8sObject, groups: readonly ContainerGroup[] = ALL_GROUPS): ContainerInSpec[] {
  const at = podSpecLocationOf(obj);
  return at ? containersInSpec(at, groups) : [];
}

/**
 * Findings by path, then name, then detail. The last level is a short list (detail, [finding],
 * detail, [finding]…): one path and name rarely have more than a few details, and a list costs far
 * less than a map when, as on most scans, nearly every (path, name) pair is met once. Each finding is
 * kept in a list of its own, which objects with that one finding can return as their result.
 */
export type FindingPool = Map<string, Map<unknown, unknown[]>>;

export const newFindingPool = (): FindingPool => new Map();

/**
 * Whether findings about this object are worth pooling: Pods come in many copies of one template
 * (replicas, DaemonSet pods), whereas the other pod-bearing kinds are one object per template, for
 * which a pool would only cost lookups and memory.
 */
export function comesInCopies(obj: K8sObject): boolean {
  return obj.kind === "Pod";
}

/**
 * A finding whose content depends only on a path (a container's, a pod spec's), a name (the
 * container's, the service account's) and `detail` (what is wrong, in a form the caller picks),
 * built once per pool by `build(a, b, c)`: every replica of the same pod template shares one
 * (read-only). Pools live in `ctx.cache`, one per kind of finding, so they last one scan. The
 * builder takes its inputs as arguments, so that a call that finds the finding allocates nothing.
 */
export function pooledFinding<A, B, C>(
  pool: FindingPool,
  path: string,
  name: unknown,
  detail: unknown,
  build: (a: A, b: B, c: C) => Violation,
  a: A,
  b: B,
  c: C,
): Violation {
  return pooledFindingList(pool, path, name, detail, build, a, b, c)[0];
}

/** `[pooledFinding(…)]`, itself shared: the whole result of an object whose only finding it is (read-only). */
export function pooledFindingList<A, B, C>(
  pool: FindingPool,
  path: string,
  name: unknown,
  detail: unknown,
  build: (a: A, b: B, c: C) => Violation,
  a: A,
  b: B,
  c: C,
): Violation[] {
  let byName = pool.get(path);
  if (!byName) pool.set(path, (byName = new Map()));
  let details = byName.get(name);
  if (!details) byName.set(name, (details = []));
  for (let i = 0; i < details.length; i += 2) if (details[i] === detail) return details[i + 1] as Violation[];
  const list = [build(a, b, c)];
  details.push(detail, list);
  return list;
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
  // Built in two steps so that a call allocates no closure over ctx.
  const defaults = ctx.cache("workload-hygiene:limit-range-defaults", newLimitRangeDefaults);
  if (!defaults.built) {
    defaults.built = true;
    for (const lr of ctx.index.byKind("LimitRange")) {
      // Like the index's namespace lists: a LimitRange written without a namespace belongs to none.
      const namespace = lr.metadata?.namespace;
      if (!namespace || !Array.isArray(lr.spec?.limits)) continue;
      let result = defaults.byNamespace.get(namespace);
      if (!result) defaults.byNamespace.set(namespace, (result = { default: {}, defaultRequest: {} }));
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
  }
  return defaults.byNamespace.get(namespace) ?? NO_DEFAULTS;
}

const newLimitRangeDefaults = () => ({ built: false, byNamespace: new Map<string, ContainerDefaults>() });

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

/** Stands for absent pod-level resources (read-only). */
const NO_POD_RESOURCES = Object.freeze({});

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

function missingFixPaths(containerPath: string, field: ResourceField, resource: ResourceName): FixPath[] {
  const facts = sharedPaths.get(containerPath);
  if (!facts) return [{ path: fieldPathOf(containerPath, field, resource), value: "YOUR_VALUE" }];
  return (facts.missingResource[slotOf(field, resource)] ??= sharedFixPaths(fieldPathOf(containerPath, field, resource), "YOUR_VALUE"));
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
  if (!effective) return { message: `container "${name}" has no ${resource} ${LABEL[field]}`, fixPaths: missingFixPaths(containerPath, field, resource) };
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
  const podLevel = at.spec?.resources ?? NO_POD_RESOURCES;
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
  /** Per slot: no value, or a value that is not a quantity (reported with and without bounds); absent when none. */
  missing?: (Violation | undefined)[];
  /** Per slot: a value outside the scan's bounds, or the error of a malformed bound (only with bounds); absent when none. */
  bounds?: (Violation | Error | undefined)[];
  /**
   * Entries shared by identical containers (only missing values) also carry the findings list of an
   * object whose only entry they are, whether a second container met them, and from then on the
   * results of objects whose only entry they are, by `needsKey`.
   */
  alone?: ContainerResourceFindings[];
  reused?: boolean;
  results?: Map<number, Violation[]>;
}

/**
 * What the resource controls share during one scan. Per-object tables are plain maps: the scan holds
 * its objects anyway, and weak tables cost the collector more.
 */
interface ResourceScan {
  /** Every slot's requirement with the scan's bounds, parsed. */
  slots: { requirement: ResourceRequirement; bounds: ParsedBounds; enforced: boolean }[];
  /** Per object: its containers' findings (null for objects without pods). */
  findings: Map<K8sObject, ContainerResourceFindings[] | null>;
  /** `parseQuantity` per distinct string (a few values such as "100m" and "128Mi" repeat everywhere). */
  quantities: Map<string, number | undefined>;
  /** "No value" findings by container path and name, shared by identical containers. */
  missing: Map<string, Map<unknown, MissingValues>>;
}

/** One container path and name's "no value" findings per slot, and its findings entry per set of such slots. */
interface MissingValues {
  bySlot: (Violation | undefined)[];
  /** By bit mask of the slots without a value (bit = 1 << slot). */
  byMask: (ContainerResourceFindings | undefined)[];
}

const newResourceScan = (): ResourceScan => ({ slots: [], findings: new Map(), quantities: new Map(), missing: new Map() });

function resourceScan(ctx: EvalContext): ResourceScan {
  // Built in two steps so that a call allocates no closure over ctx (seven controls ask per object).
  const scan = ctx.cache("workload-hygiene:resource-scan", newResourceScan);
  if (!scan.slots.length) {
    scan.slots = SLOTS.map(([field, resource]) => {
      const requirement = requirementWithBounds(ctx, field, resource);
      const bounds = parseBounds(requirement, boundSettingName);
      return { requirement, bounds, enforced: bounds.error !== undefined || bounds.min !== undefined || bounds.max !== undefined };
    });
  }
  return scan;
}

/**
 * The values `effectiveOrPodLevel` finds for the four slots, without saying where they come from (the
 * common case needs only the values). Each field is read once, by name: these objects come in many
 * shapes, and reads by a computed key cost more.
 */
function effectiveValues(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any,
  defaults: ContainerDefaults,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podLevel: any,
): unknown[] {
  const resources = container?.resources;
  const requests = resources?.requests;
  const limits = resources?.limits;
  const cpuLimit = limits?.cpu;
  const memoryLimit = limits?.memory;
  return [
    firstSet(requests?.cpu, cpuLimit, defaults.defaultRequest.cpu, podLevel, "requests", "cpu"),
    firstSet(requests?.memory, memoryLimit, defaults.defaultRequest.memory, podLevel, "requests", "memory"),
    firstSet(cpuLimit, undefined, defaults.default.cpu, podLevel, "limits", "cpu"),
    firstSet(memoryLimit, undefined, defaults.default.memory, podLevel, "limits", "memory"),
  ];
}

/** The first set value of the container's own, its own limit (requests only), the LimitRange default, then the pod level. */
function firstSet(
  own: unknown,
  ownLimit: unknown,
  defaulted: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podLevel: any,
  field: ResourceField,
  resource: ResourceName,
): unknown {
  if (isSet(own)) return own;
  if (isSet(ownLimit)) return ownLimit;
  if (isSet(defaulted)) return defaulted;
  const pod = podLevel?.[field]?.[resource];
  return isSet(pod) ? pod : undefined;
}

/** `parseQuantity`, once per distinct string and scan. */
function quantityOf(value: unknown, memo: Map<string, number | undefined>): number | undefined {
  if (typeof value !== "string") return parseQuantity(value);
  let amount = memo.get(value);
  if (amount === undefined && !memo.has(value)) memo.set(value, (amount = parseQuantity(value)));
  return amount;
}

const NO_FINDINGS: ContainerResourceFindings[] = Object.freeze([]) as unknown as ContainerResourceFindings[];

function missingValuesOf(scan: ResourceScan, path: string, name: unknown): MissingValues {
  let byName = scan.missing.get(path);
  if (!byName) scan.missing.set(path, (byName = new Map()));
  let missing = byName.get(name);
  if (!missing) byName.set(name, (missing = { bySlot: [undefined, undefined, undefined, undefined], byMask: [] }));
  return missing;
}

/** The "no value" finding of a container path and name for one slot. */
function missingValue(scan: ResourceScan, at: PodSpecLocation, path: string, name: unknown, slot: number): Violation {
  const missing = missingValuesOf(scan, path, name);
  const [field, resource] = SLOTS[slot];
  return (missing.bySlot[slot] ??= missingOrInvalid(at, path, String(name), field, resource, undefined)!);
}

/** The findings entry of a container whose only problems are the slots without a value. */
function missingEntry(scan: ResourceScan, at: PodSpecLocation, path: string, name: unknown, slots: number, pooled: boolean): ContainerResourceFindings {
  if (!pooled) {
    const bySlot: (Violation | undefined)[] = [undefined, undefined, undefined, undefined];
    for (let slot = 0; slot < SLOTS.length; slot++) {
      if (slots & (1 << slot)) bySlot[slot] = missingOrInvalid(at, path, String(name), SLOTS[slot][0], SLOTS[slot][1], undefined);
    }
    return { missing: bySlot };
  }
  const missing = missingValuesOf(scan, path, name);
  let entry = missing.byMask[slots];
  if (entry) entry.reused = true;
  else {
    const bySlot: (Violation | undefined)[] = [undefined, undefined, undefined, undefined];
    for (let slot = 0; slot < SLOTS.length; slot++) if (slots & (1 << slot)) bySlot[slot] = missingValue(scan, at, path, name, slot);
    missing.byMask[slots] = entry = { missing: bySlot };
    entry.alone = [entry];
  }
  return entry;
}

/**
 * The resource findings of the regular and init containers of a pod-bearing object that have any
 * (null for objects without pods), computed once per object and scan: seven controls read the same
 * four values.
 */
function resourceFindingsOf(obj: K8sObject, ctx: EvalContext): ContainerResourceFindings[] | null {
  const scan = resourceScan(ctx);
  let findings = scan.findings.get(obj);
  if (findings !== undefined) return findings;
  const at = podSpecLocationOf(obj);
  if (!at) {
    scan.findings.set(obj, null);
    return null;
  }
  const defaults = limitRangeDefaults(ctx, at.namespace);
  const podLevel = at.spec?.resources ?? NO_POD_RESOURCES;
  const pooled = comesInCopies(obj);
  findings = NO_FINDINGS;
  for (const { container, path } of containersInSpec(at)) {
    const values = effectiveValues(container, defaults, podLevel);
    let missingSlots = 0;
    let toCheck = false;
    for (let slot = 0; slot < SLOTS.length; slot++) {
      const value = values[slot];
      if (value === undefined) missingSlots |= 1 << slot;
      else if (scan.slots[slot].enforced || quantityOf(value, scan.quantities) === undefined) toCheck = true;
    }
    if (!toCheck) {
      // The common case: values are either valid (and unbounded) or missing, so the entry is shared.
      if (missingSlots) findings = append(findings, missingEntry(scan, at, path, container.name ?? "(unnamed)", missingSlots, pooled));
      continue;
    }
    let entry: ContainerResourceFindings | undefined;
    for (let slot = 0; slot < SLOTS.length; slot++) {
      const { requirement, bounds, enforced } = scan.slots[slot];
      const { field, resource } = requirement;
      const value = values[slot];
      if (value !== undefined && quantityOf(value, scan.quantities) !== undefined && !enforced) continue;
      const name = container.name ?? "(unnamed)";
      let problem: Violation | undefined;
      let effective: EffectiveResource | undefined;
      if (value === undefined) problem = pooled ? missingValue(scan, at, path, name, slot) : missingOrInvalid(at, path, name, field, resource, undefined);
      else {
        effective = effectiveOrPodLevel(container, field, resource, defaults, podLevel);
        problem = missingOrInvalid(at, path, name, field, resource, effective);
      }
      if (problem) {
        ((entry ??= {}).missing ??= [undefined, undefined, undefined, undefined])[slot] = problem;
        continue;
      }
      const outside = outOfBounds(at, path, name, requirement, effective!, bounds);
      if (outside) ((entry ??= {}).bounds ??= [undefined, undefined, undefined, undefined])[slot] = outside;
    }
    if (entry) findings = append(findings, entry);
  }
  // One shared entry (most pods): objects alike share the list, and with it their results.
  if (findings.length === 1 && findings[0].alone) findings = findings[0].alone;
  scan.findings.set(obj, findings);
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
  // Results are kept only for entries that several objects share (every replica of a pod template).
  if (findings.length !== 1 || !findings[0].reused) return collectResources(findings, needs, withBounds);
  // A shared entry holds missing values only, reported alike with and without bounds.
  const results = (findings[0].results ??= new Map());
  const key = needsKey(needs);
  let violations = results.get(key);
  if (!violations) results.set(key, (violations = collectResources(findings, needs, withBounds)));
  return violations;
}

/** A number per sequence of (field, resource) pairs. */
function needsKey(needs: readonly [ResourceField, ResourceName][]): number {
  let key = 0;
  for (let i = 0; i < needs.length; i++) key = key * (SLOTS.length + 1) + slotOf(needs[i][0], needs[i][1]) + 1;
  return key;
}

function collectResources(findings: ContainerResourceFindings[], needs: readonly [ResourceField, ResourceName][], withBounds: boolean): Violation[] {
  // Lists start at their first finding: the engine keeps each failing object's list, and an empty
  // list grown by push reserves room for 17.
  let violations: Violation[] | undefined;
  for (const container of findings) {
    for (let i = 0; i < needs.length; i++) {
      const slot = slotOf(needs[i][0], needs[i][1]);
      let found = container.missing?.[slot];
      if (!found && withBounds && container.bounds?.[slot]) {
        const outside = container.bounds[slot]!;
        if (outside instanceof Error) throw outside;
        found = outside;
      }
      if (!found) continue;
      if (violations) violations.push(found);
      else violations = [found];
    }
  }
  return violations ?? [];
}
