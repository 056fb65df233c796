// Effective security settings of a pod and its containers, with the Kubescape-notation path of
// the field that decides each one. Kubernetes resolves most settings container-first: a value in
// `containers[i].securityContext` overrides the same field in the pod's `securityContext`, and
// `windowsOptions` is merged field by field. Fields that only exist on containers (privileged,
// capabilities, readOnlyRootFilesystem, allowPrivilegeEscalation, procMount) have no pod fallback.
//
// About forty controls read the same pod: its view (containers, the securityContext fields the checks
// read, the strings that name them) is built once per object and shared, so each field of the
// manifest is read once; paths of individual fields are built only for a finding.
import type { FixPath, K8sObject, Violation } from "../../engine/types";
import { containersOf, podSpecOf, type ContainerAt } from "../../engine/workload";
import type { HostPathVolume } from "./host-volumes";

/**
 * The securityContext fields the checks read, null read as unset (what the API server decodes it to).
 * A container's leave the pod-only fields unset, a pod's the container-only ones.
 */
export interface SecurityFields {
  runAsNonRoot: unknown;
  runAsUser: unknown;
  runAsGroup: unknown;
  seccompProfile: unknown;
  seLinuxOptions: unknown;
  appArmorProfile: unknown;
  windowsOptions: unknown;
  // Container only.
  privileged: unknown;
  allowPrivilegeEscalation: unknown;
  readOnlyRootFilesystem: unknown;
  procMount: unknown;
  capabilities: unknown;
  // Pod only.
  fsGroup: unknown;
  supplementalGroups: unknown;
  sysctls: unknown;
}

/**
 * Bits of `PodView.fieldsSet`: which securityContext fields the pod or at least one of its containers
 * sets. Checks of rarely set fields (procMount, SELinux, capabilities, …) skip the containers of the
 * many pods that set none, without touching them.
 */
export const FIELD_BITS = {
  runAsNonRoot: 1 << 0,
  runAsUser: 1 << 1,
  runAsGroup: 1 << 2,
  seccompProfile: 1 << 3,
  seLinuxOptions: 1 << 4,
  appArmorProfile: 1 << 5,
  windowsOptions: 1 << 6,
  privileged: 1 << 7,
  allowPrivilegeEscalation: 1 << 8,
  readOnlyRootFilesystem: 1 << 9,
  procMount: 1 << 10,
  capabilities: 1 << 11,
  fsGroup: 1 << 12,
  supplementalGroups: 1 << 13,
  sysctls: 1 << 14,
} as const satisfies Record<keyof SecurityFields, number>;

/** The FIELD_BITS of the fields set (not undefined) in `f`. */
function bitsOf(f: SecurityFields): number {
  let bits = 0;
  if (f.runAsNonRoot !== undefined) bits |= FIELD_BITS.runAsNonRoot;
  if (f.runAsUser !== undefined) bits |= FIELD_BITS.runAsUser;
  if (f.runAsGroup !== undefined) bits |= FIELD_BITS.runAsGroup;
  if (f.seccompProfile !== undefined) bits |= FIELD_BITS.seccompProfile;
  if (f.seLinuxOptions !== undefined) bits |= FIELD_BITS.seLinuxOptions;
  if (f.appArmorProfile !== undefined) bits |= FIELD_BITS.appArmorProfile;
  if (f.windowsOptions !== undefined) bits |= FIELD_BITS.windowsOptions;
  if (f.privileged !== undefined) bits |= FIELD_BITS.privileged;
  if (f.allowPrivilegeEscalation !== undefined) bits |= FIELD_BITS.allowPrivilegeEscalation;
  if (f.readOnlyRootFilesystem !== undefined) bits |= FIELD_BITS.readOnlyRootFilesystem;
  if (f.procMount !== undefined) bits |= FIELD_BITS.procMount;
  if (f.capabilities !== undefined) bits |= FIELD_BITS.capabilities;
  if (f.fsGroup !== undefined) bits |= FIELD_BITS.fsGroup;
  if (f.supplementalGroups !== undefined) bits |= FIELD_BITS.supplementalGroups;
  if (f.sysctls !== undefined) bits |= FIELD_BITS.sysctls;
  return bits;
}

/** Fields a container inherits from the pod when it leaves them unset. */
export type InheritedField = "runAsNonRoot" | "runAsUser" | "runAsGroup" | "seccompProfile" | "seLinuxOptions" | "appArmorProfile" | "windowsOptions";

/** A container with what every check reads of it. Shared between controls: read-only. */
export interface ContainerView extends ContainerAt {
  /** `container "web"`, `init container "setup"`, `ephemeral container "debugger"`, for messages. */
  who: string;
  /** The container's securityContext as written; an empty object when it has none. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  securityContext: Record<string, any>;
  /** Its fields the checks read. */
  security: SecurityFields;
  /** e.g. `spec.containers[0].securityContext` */
  securityContextPath: string;
  /** Paths of fields in that securityContext and lists of them, see `fieldPath`; shared by the position. */
  fieldPaths: PositionPaths | undefined;
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
  /** Its fields the checks read. */
  security: SecurityFields;
  /** e.g. `spec.template.spec.securityContext` */
  podSecurityContextPath: string;
  /** Paths of fields in that securityContext and lists of them, see `podFieldPath`; shared by the spec path. */
  podFieldPaths: PositionPaths;
  /** `targetsWindows`, decided once. */
  windows: boolean;
  /** `declaresWindowsOs`, decided once. */
  windowsOs: boolean;
  /** FIELD_BITS of the securityContext fields the pod or any container sets. */
  fieldsSet: number;
  /** True when any of hostNetwork, hostPID, hostIPC is true. */
  sharesHostNamespace: boolean;
  /** The pod's hostPath volumes (see `host-volumes.ts`), listed on first use. */
  hostPathVolumes: readonly HostPathVolume[] | undefined;
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

function unsetIfNull(value: unknown): unknown {
  return value === null ? undefined : value;
}

/** The fields of a container's securityContext (pod-only fields unset). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function containerFields(sc: Record<string, any>): SecurityFields {
  return {
    runAsNonRoot: unsetIfNull(sc.runAsNonRoot),
    runAsUser: unsetIfNull(sc.runAsUser),
    runAsGroup: unsetIfNull(sc.runAsGroup),
    seccompProfile: unsetIfNull(sc.seccompProfile),
    seLinuxOptions: unsetIfNull(sc.seLinuxOptions),
    appArmorProfile: unsetIfNull(sc.appArmorProfile),
    windowsOptions: unsetIfNull(sc.windowsOptions),
    privileged: unsetIfNull(sc.privileged),
    allowPrivilegeEscalation: unsetIfNull(sc.allowPrivilegeEscalation),
    readOnlyRootFilesystem: unsetIfNull(sc.readOnlyRootFilesystem),
    procMount: unsetIfNull(sc.procMount),
    capabilities: unsetIfNull(sc.capabilities),
    fsGroup: undefined,
    supplementalGroups: undefined,
    sysctls: undefined,
  };
}

/** The fields of a pod's securityContext (container-only fields unset). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function podFields(sc: Record<string, any>): SecurityFields {
  return {
    runAsNonRoot: unsetIfNull(sc.runAsNonRoot),
    runAsUser: unsetIfNull(sc.runAsUser),
    runAsGroup: unsetIfNull(sc.runAsGroup),
    seccompProfile: unsetIfNull(sc.seccompProfile),
    seLinuxOptions: unsetIfNull(sc.seLinuxOptions),
    appArmorProfile: unsetIfNull(sc.appArmorProfile),
    windowsOptions: unsetIfNull(sc.windowsOptions),
    privileged: undefined,
    allowPrivilegeEscalation: undefined,
    readOnlyRootFilesystem: undefined,
    procMount: undefined,
    capabilities: undefined,
    fsGroup: unsetIfNull(sc.fsGroup),
    supplementalGroups: unsetIfNull(sc.supplementalGroups),
    sysctls: unsetIfNull(sc.sysctls),
  };
}

// Containers and pods without a securityContext (most of them) share one set of unset fields.
const NO_FIELDS: SecurityFields = Object.freeze(containerFields(NO_SECURITY_CONTEXT));
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

/**
 * The securityContext path of a container position and the paths of its fields, shared by every pod
 * with a container at that position (a pure function of the position, so built once per process:
 * findings then carry the same flat strings, which the report's path pool finds without copying).
 * Keyed by the container path, which the engine shares for the first indexes of each group.
 */
interface PositionPaths {
  securityContextPath: string;
  fields: Map<string, string>;
  /** `[path]` of a field, for a finding's paths (read-only). */
  pathLists: Map<string, string[]>;
  /** `[{ path, value }]` of a field, by field then value, for a finding's fixPaths (read-only). */
  fixLists: Map<string, Map<string, FixPath[]>>;
  /** Lists of several fix paths, by a key from the code (see `fieldFixes`). */
  multiFixLists: Map<string, FixPath[]>;
}

function newPositionPaths(securityContextPath: string): PositionPaths {
  return { securityContextPath, fields: new Map(), pathLists: new Map(), fixLists: new Map(), multiFixLists: new Map() };
}

/** The path of a field at a position, built once per process. */
function sharedFieldPath(paths: PositionPaths, field: string): string {
  let path = paths.fields.get(field);
  if (path === undefined) paths.fields.set(field, (path = [paths.securityContextPath, ".", field].join("")));
  return path;
}

// Findings at one position share these lists: a violation then allocates only itself and its message.
function sharedPathList(paths: PositionPaths, field: string): string[] {
  let list = paths.pathLists.get(field);
  if (list === undefined) paths.pathLists.set(field, (list = Object.freeze([sharedFieldPath(paths, field)]) as unknown as string[]));
  return list;
}

function sharedFixList(paths: PositionPaths, field: string, value: string): FixPath[] {
  let byValue = paths.fixLists.get(field);
  if (byValue === undefined) paths.fixLists.set(field, (byValue = new Map()));
  let list = byValue.get(value);
  if (list === undefined) {
    byValue.set(value, (list = Object.freeze([Object.freeze({ path: sharedFieldPath(paths, field), value })]) as unknown as FixPath[]));
  }
  return list;
}

const SHARED_POSITIONS = 32;
const positionPaths = new Map<string, PositionPaths>();

function pathsOfPosition(c: ContainerAt): PositionPaths | undefined {
  if (c.index >= SHARED_POSITIONS) return undefined;
  let paths = positionPaths.get(c.path);
  if (!paths) positionPaths.set(c.path, (paths = newPositionPaths([c.path, ".securityContext"].join(""))));
  return paths;
}

// The same for the pod's securityContext, per spec path (the few locations where kinds keep pod specs).
const podPositions = new Map<string, PositionPaths>();

function pathsOfPodSecurityContext(specPath: string): PositionPaths {
  let paths = podPositions.get(specPath);
  if (!paths) podPositions.set(specPath, (paths = newPositionPaths([specPath, ".securityContext"].join(""))));
  return paths;
}

/**
 * The path of a field of the pod's securityContext (`runAsNonRoot`, `seccompProfile.type`). `field` is
 * a name from the code, never scan data: the paths are kept for the life of the process.
 */
export function podFieldPath(pod: PodView, field: string): string {
  return sharedFieldPath(pod.podFieldPaths, field);
}

/** `[podFieldPath(pod, field)]`, shared (read-only). */
export function podFieldPathList(pod: PodView, field: string): string[] {
  return sharedPathList(pod.podFieldPaths, field);
}

/** `[{ path: podFieldPath(pod, field), value }]`, shared (read-only). */
export function podFieldFix(pod: PodView, field: string, value: string): FixPath[] {
  return sharedFixList(pod.podFieldPaths, field, value);
}

/**
 * The path of a field of the container's securityContext (`allowPrivilegeEscalation`,
 * `seccompProfile.type`). `field` is a name from the code, never scan data (see `podFieldPath`).
 */
export function fieldPath(c: ContainerView, field: string): string {
  const paths = c.fieldPaths;
  return paths ? sharedFieldPath(paths, field) : `${c.securityContextPath}.${field}`;
}

/** `[fieldPath(c, field)]`, shared by the position when it can be (read-only). */
export function fieldPathList(c: ContainerView, field: string): string[] {
  const paths = c.fieldPaths;
  return paths ? sharedPathList(paths, field) : [`${c.securityContextPath}.${field}`];
}

/** `[{ path: fieldPath(c, field), value }]`, shared by the position when it can be (read-only). */
export function fieldFix(c: ContainerView, field: string, value: string): FixPath[] {
  const paths = c.fieldPaths;
  return paths ? sharedFixList(paths, field, value) : [{ path: `${c.securityContextPath}.${field}`, value }];
}

const KIND_OF_GROUP: Record<ContainerAt["group"], string> = {
  containers: "container",
  initContainers: "init container",
  ephemeralContainers: "ephemeral container",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function buildPodView(obj: K8sObject, spec: any, specPath: string, metadataPath: string): PodView {
  const metadata = metadataPath === "metadata" ? obj.metadata : getDotted(obj, metadataPath);
  const annotations = isRecord(metadata) && isRecord(metadata.annotations) ? (metadata.annotations as Record<string, string>) : NO_ANNOTATIONS;
  const containers: ContainerView[] = [];
  let fieldsSet = 0;
  for (const at of containersOf(obj)) {
    const { container, path, group, index } = at;
    const name = typeof container.name === "string" && container.name ? container.name : `#${index}`;
    const sc = isRecord(container.securityContext) ? container.securityContext : undefined;
    const shared = pathsOfPosition(at);
    const security = sc ? containerFields(sc) : NO_FIELDS;
    if (sc) fieldsSet |= bitsOf(security);
    containers.push({
      container,
      path,
      group,
      index,
      who: `${KIND_OF_GROUP[group]} "${name}"`,
      securityContext: sc ?? NO_SECURITY_CONTEXT,
      security,
      securityContextPath: shared ? shared.securityContextPath : `${path}.securityContext`,
      fieldPaths: shared,
      capabilities: undefined,
    });
  }
  const windowsOs = isRecord(spec.os) && spec.os.name === "windows";
  const selector = isRecord(spec.nodeSelector) ? spec.nodeSelector : NO_ANNOTATIONS;
  const podSc = isRecord(spec.securityContext) ? spec.securityContext : undefined;
  const podPaths = pathsOfPodSecurityContext(specPath);
  const podSecurity = podSc ? podFields(podSc) : NO_FIELDS;
  if (podSc) fieldsSet |= bitsOf(podSecurity);
  return {
    obj,
    spec,
    specPath,
    metadataPath,
    annotations,
    containers,
    podSecurityContext: podSc ?? NO_SECURITY_CONTEXT,
    security: podSecurity,
    podSecurityContextPath: podPaths.securityContextPath,
    podFieldPaths: podPaths,
    windows: windowsOs || selector["kubernetes.io/os"] === "windows" || selector["beta.kubernetes.io/os"] === "windows",
    windowsOs,
    fieldsSet,
    sharesHostNamespace: spec.hostNetwork === true || spec.hostPID === true || spec.hostIPC === true,
    hostPathVolumes: undefined,
    checks: undefined,
  };
}

/** The effective value of an inherited field: the container's when set, else the pod's. */
export function effectiveValue(pod: PodView, c: ContainerView, field: InheritedField): unknown {
  return c.security[field] ?? pod.security[field];
}

/** True when the effective value of the field comes from the pod (the container leaves it unset). */
export function inheritsFromPod(pod: PodView, c: ContainerView, field: InheritedField): boolean {
  return c.security[field] === undefined && pod.security[field] !== undefined;
}

/** Path of the field that decides `effectiveValue`; the container-level field when neither sets it. */
export function effectivePath(pod: PodView, c: ContainerView, field: InheritedField): string {
  return inheritsFromPod(pod, c, field) ? podFieldPath(pod, field) : fieldPath(c, field);
}

/**
 * `build(c)`, a list of fix paths of the container's fields, kept per position under `key` (a name
 * from the code, never scan data) and shared when the position is (read-only).
 */
export function fieldFixes(c: ContainerView, key: string, build: (c: ContainerView) => FixPath[]): FixPath[] {
  const paths = c.fieldPaths;
  if (!paths) return build(c);
  let list = paths.multiFixLists.get(key);
  if (list === undefined) paths.multiFixLists.set(key, (list = Object.freeze(build(c).map((f) => Object.freeze(f))) as unknown as FixPath[]));
  return list;
}

/** `[effectivePath(pod, c, field)]`, shared (read-only). */
export function effectivePathList(pod: PodView, c: ContainerView, field: InheritedField): string[] {
  return inheritsFromPod(pod, c, field) ? podFieldPathList(pod, field) : fieldPathList(c, field);
}

/** `[{ path: effectivePath(pod, c, field), value }]`, shared (read-only). */
export function effectiveFix(pod: PodView, c: ContainerView, field: InheritedField, value: string): FixPath[] {
  return inheritsFromPod(pod, c, field) ? podFieldFix(pod, field, value) : fieldFix(c, field, value);
}

/** A field of an object-valued securityContext field (`seccompProfile.type`, `windowsOptions.hostProcess`). */
export function subfield(value: unknown, name: string): unknown {
  return isRecord(value) ? unsetIfNull(value[name]) : undefined;
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

const NO_ENTRIES: unknown[] = Object.freeze([]) as unknown as unknown[];

/** Entries of a list field that is expected to be an array (anything else counts as empty). Read-only. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : NO_ENTRIES;
}
