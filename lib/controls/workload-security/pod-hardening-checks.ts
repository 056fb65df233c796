// Per-pod hardening checks shared by the single-purpose controls (SS-0013, SS-0016, …) and by the
// composite "apply security context" control (SS-0211). Each check returns the violations it finds
// on one pod spec; callers decide whether a check applies (e.g. Linux-only checks on Windows pods).
// Checks that several controls run on the same pod are computed once per pod (`sharedCheck`): their
// results are shared between controls and must not be mutated.
import type { Violation } from "../../engine/types";
import { addedCapabilities, dropsCapability } from "./capabilities";
import { CONFINING_PROFILE_TYPES, PSS_SAFE_SYSCTLS } from "./pod-security-standards";
import {
  effectiveFix,
  effectivePathList,
  effectiveValue,
  FIELD_BITS,
  fieldFix,
  fieldPath,
  fieldPathList,
  podFieldFix,
  podFieldPath,
  podFieldPathList,
  inheritsFromPod,
  subfield,
  type ContainerView,
  type PodView,
} from "./security-context";

// Slots in PodView.checks of the checks several controls share.
const PRIVILEGED = 0;
const ESCALATION = 1;
const WRITABLE_ROOT = 2;
const LINUX_ROOT = 3;
const WINDOWS_ADMIN = 4;
const NET_RAW = 5;
const SHARED_CHECKS = 6;

/**
 * The result of `check` on this pod, computed once and shared by every control that runs it (SS-0211
 * runs most of them again). The check must be a pure function of the pod.
 */
function sharedCheck(pod: PodView, slot: number, check: (pod: PodView) => Violation[]): Violation[] {
  const results = (pod.checks ??= new Array(SHARED_CHECKS));
  return (results[slot] ??= check(pod));
}

/** The empty result, shared (frozen: a caller that tried to add to it would fail loudly). */
export const NO_VIOLATIONS: Violation[] = Object.freeze([]) as unknown as Violation[];

/** Containers running privileged or adding SYS_ADMIN (which grants nearly the same host access). */
export function privilegedContainers(pod: PodView): Violation[] {
  return sharedCheck(pod, PRIVILEGED, findPrivilegedContainers);
}

function findPrivilegedContainers(pod: PodView): Violation[] {
  if ((pod.fieldsSet & (FIELD_BITS.privileged | FIELD_BITS.capabilities)) === 0) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    if (c.security.privileged === true) {
      (violations ??= []).push({ message: `${c.who} runs privileged`, paths: fieldPathList(c, "privileged") });
    }
    for (const cap of addedCapabilities(c)) {
      if (cap.name === "SYS_ADMIN") {
        (violations ??= []).push({ message: `${c.who} adds SYS_ADMIN, which is close to running privileged`, paths: [cap.path] });
      }
    }
  }
  return violations ?? NO_VIOLATIONS;
}

/**
 * Containers that do not set `allowPrivilegeEscalation: false`. Unset means the kernel's
 * no_new_privs flag stays off, so setuid binaries and file capabilities can raise privileges.
 * `escalationBlockedByDefault` is true when admission forces the field to false when it is unset.
 */
export function privilegeEscalationAllowed(pod: PodView, escalationBlockedByDefault = false): Violation[] {
  return escalationBlockedByDefault ? findEscalation(pod, true) : sharedCheck(pod, ESCALATION, findEscalationAllowedByDefault);
}

function findEscalationAllowedByDefault(pod: PodView): Violation[] {
  return findEscalation(pod, false);
}

function findEscalation(pod: PodView, escalationBlockedByDefault: boolean): Violation[] {
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    const value = c.security.allowPrivilegeEscalation;
    if (value === false || (value === undefined && escalationBlockedByDefault)) continue;
    const fixPaths = fieldFix(c, "allowPrivilegeEscalation", "false");
    (violations ??= []).push(
      value === undefined
        ? {
            message: `${c.who} does not set allowPrivilegeEscalation: false, so its processes can gain privileges (setuid binaries, file capabilities)`,
            fixPaths,
          }
        : {
            message: `${c.who} sets allowPrivilegeEscalation: ${JSON.stringify(value)}`,
            paths: fieldPathList(c, "allowPrivilegeEscalation"),
            fixPaths,
          },
    );
  }
  return violations ?? NO_VIOLATIONS;
}

/** Containers whose root filesystem is writable (readOnlyRootFilesystem is not true). */
export function writableRootFilesystems(pod: PodView): Violation[] {
  return sharedCheck(pod, WRITABLE_ROOT, findWritableRootFilesystems);
}

function findWritableRootFilesystems(pod: PodView): Violation[] {
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    const value = c.security.readOnlyRootFilesystem;
    if (value === true) continue;
    const fixPaths = fieldFix(c, "readOnlyRootFilesystem", "true");
    (violations ??= []).push(
      value === undefined
        ? { message: `${c.who} has a writable root filesystem (readOnlyRootFilesystem is not set)`, fixPaths }
        : { message: `${c.who} sets readOnlyRootFilesystem: ${JSON.stringify(value)}`, paths: fieldPathList(c, "readOnlyRootFilesystem"), fixPaths },
    );
  }
  return violations ?? NO_VIOLATIONS;
}

/**
 * Linux containers not guaranteed to run as a non-root user with a non-root primary group.
 * A user is guaranteed non-root by an effective `runAsNonRoot: true` (the kubelet refuses UID 0)
 * or an effective non-zero `runAsUser`. Without either, the image's USER decides — not proven root,
 * but not proven otherwise. The primary group must be an effective non-zero `runAsGroup`: unset,
 * it comes from the image and is usually the root group.
 */
export function linuxRootIdentities(pod: PodView): Violation[] {
  return sharedCheck(pod, LINUX_ROOT, findLinuxRootIdentities);
}

function findLinuxRootIdentities(pod: PodView): Violation[] {
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    // Named reads (not effectiveValue's keyed ones): this runs for every container of every pod.
    const nonRoot = c.security.runAsNonRoot ?? pod.security.runAsNonRoot;
    const user = c.security.runAsUser ?? pod.security.runAsUser;
    if (nonRoot !== true && !(typeof user === "number" && user > 0)) {
      if (user === 0) {
        (violations ??= []).push({
          message: `${c.who} runs as UID 0 (root)`,
          paths: effectivePathList(pod, c, "runAsUser"),
          fixPaths: effectiveFix(pod, c, "runAsUser", "1000"),
        });
      } else {
        (violations ??= []).push({
          message: `${c.who} may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies, so the image's user decides`,
          paths: nonRoot === false ? effectivePathList(pod, c, "runAsNonRoot") : undefined,
          fixPaths: fieldFix(c, "runAsNonRoot", "true"),
        });
      }
    }
    const group = c.security.runAsGroup ?? pod.security.runAsGroup;
    if (typeof group === "number" && group > 0) continue;
    const fixPaths = effectiveFix(pod, c, "runAsGroup", "1000");
    (violations ??= []).push(
      group === undefined
        ? {
            message: `${c.who} does not set runAsGroup, so its primary group comes from the image (usually root, GID 0)`,
            fixPaths,
          }
        : {
            message: `${c.who} runs with primary group ${JSON.stringify(group)} (root group)`,
            paths: effectivePathList(pod, c, "runAsGroup"),
            fixPaths,
          },
    );
  }
  return violations ?? NO_VIOLATIONS;
}

const WINDOWS_ADMIN_ACCOUNTS = new Set(["containeradministrator", "administrator", "nt authority\\system", "system"]);

/**
 * Windows containers not guaranteed to run as a non-administrator account: they need an effective
 * `runAsNonRoot: true` (the kubelet then refuses ContainerAdministrator) or a `runAsUserName` that
 * is not an administrator account. Unset, the image decides (servercore images default to
 * ContainerAdministrator).
 */
export function windowsAdministratorIdentities(pod: PodView): Violation[] {
  return sharedCheck(pod, WINDOWS_ADMIN, findWindowsAdministratorIdentities);
}

function findWindowsAdministratorIdentities(pod: PodView): Violation[] {
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    if (effectiveValue(pod, c, "runAsNonRoot") === true) continue;
    const own = subfield(c.security.windowsOptions, "runAsUserName");
    const inherited = own === undefined ? subfield(pod.security.windowsOptions, "runAsUserName") : undefined;
    const user = own ?? inherited;
    const path =
      inherited !== undefined ? podFieldPath(pod, "windowsOptions.runAsUserName") : fieldPath(c, "windowsOptions.runAsUserName");
    if (typeof user === "string" && user.trim() !== "") {
      if (!WINDOWS_ADMIN_ACCOUNTS.has(user.trim().toLowerCase())) continue;
      (violations ??= []).push({ message: `${c.who} runs as the Windows administrator account ${JSON.stringify(user)}`, paths: [path] });
    } else {
      (violations ??= []).push({
        message: `${c.who} sets neither runAsNonRoot: true nor windowsOptions.runAsUserName, so the image's account (possibly ContainerAdministrator) is used`,
        fixPaths: [{ path, value: "ContainerUser" }],
      });
    }
  }
  return violations ?? NO_VIOLATIONS;
}

/**
 * Linux containers that keep NET_RAW (raw sockets: ARP/DNS spoofing inside the pod network):
 * privileged containers, containers that add NET_RAW or ALL, and containers whose drop list
 * removes neither NET_RAW nor ALL.
 */
export function netRawRetained(pod: PodView): Violation[] {
  return sharedCheck(pod, NET_RAW, findNetRawRetained);
}

function findNetRawRetained(pod: PodView): Violation[] {
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    if (c.security.privileged === true) {
      (violations ??= []).push({
        message: `${c.who} runs privileged and so keeps NET_RAW whatever it drops`,
        paths: fieldPathList(c, "privileged"),
      });
      continue;
    }
    const all = addedCapabilities(c);
    const added = all.length ? all.filter(addsNetRaw) : all;
    if (added.length) {
      (violations ??= []).push({ message: `${c.who} adds ${added.map((a) => a.name).join(", ")}`, paths: added.map((a) => a.path) });
      continue;
    }
    if (!dropsCapability(c, "NET_RAW")) {
      (violations ??= []).push({
        message: `${c.who} does not drop NET_RAW (or ALL)`,
        fixPaths: fieldFix(c, "capabilities.drop", "NET_RAW"),
      });
    }
  }
  return violations ?? NO_VIOLATIONS;
}

/** Containers whose effective seccomp profile is unset or not RuntimeDefault/Localhost. */
export function seccompNotEnforced(pod: PodView): Violation[] {
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    const own = c.security.seccompProfile;
    const profile = own ?? pod.security.seccompProfile;
    const type = profile && typeof profile === "object" ? (profile as { type?: unknown }).type : undefined;
    if (typeof type === "string" && CONFINING_PROFILE_TYPES.has(type)) continue;
    const inherited = own === undefined && profile !== undefined;
    const fixPaths = inherited ? podFieldFix(pod, "seccompProfile.type", "RuntimeDefault") : fieldFix(c, "seccompProfile.type", "RuntimeDefault");
    (violations ??= []).push(
      profile === undefined
        ? {
            message: `${c.who} has no seccomp profile (neither the container nor the pod sets one)`,
            fixPaths,
          }
        : {
            message: `${c.who} runs with seccomp profile type ${JSON.stringify(type ?? null)}${inherited ? " (from the pod)" : ""}`,
            paths: inherited ? podFieldPathList(pod, "seccompProfile.type") : fieldPathList(c, "seccompProfile.type"),
            fixPaths,
          },
    );
  }
  return violations ?? NO_VIOLATIONS;
}

/**
 * Profile types (`seccompProfile.type`, `appArmorProfile.type`) the pod or a container sets to anything
 * but RuntimeDefault or Localhost. `label` names the profile in messages.
 */
export function unconfiningProfileTypes(pod: PodView, field: "seccompProfile" | "appArmorProfile", label: string): Violation[] {
  if ((pod.fieldsSet & FIELD_BITS[field]) === 0) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  const podType = subfield(pod.security[field], "type");
  if (podType !== undefined && !CONFINING_PROFILE_TYPES.has(String(podType))) {
    violations = [{ message: `the pod sets ${label} profile type ${JSON.stringify(podType)}`, paths: [`${pod.podSecurityContextPath}.${field}.type`] }];
  }
  for (const c of pod.containers) {
    const type = subfield(c.security[field], "type");
    if (type !== undefined && !CONFINING_PROFILE_TYPES.has(String(type))) {
      (violations ??= []).push({ message: `${c.who} sets ${label} profile type ${JSON.stringify(type)}`, paths: [`${c.securityContextPath}.${field}.type`] });
    }
  }
  return violations ?? NO_VIOLATIONS;
}

/** Containers that ask for an unmasked /proc (procMount other than Default). */
export function unmaskedProcMounts(pod: PodView): Violation[] {
  if ((pod.fieldsSet & FIELD_BITS.procMount) === 0) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  for (const c of pod.containers) {
    const value = c.security.procMount;
    if (value === undefined || value === "Default") continue;
    const path = fieldPath(c, "procMount");
    (violations ??= []).push({
      message: `${c.who} sets procMount: ${JSON.stringify(value)}, exposing normally masked /proc paths`,
      paths: [path],
      fixPaths: [{ path, value: "Default" }],
    });
  }
  return violations ?? NO_VIOLATIONS;
}

/** Pod sysctls outside the safe (namespaced, per-pod) set. */
export function unsafeSysctls(pod: PodView): Violation[] {
  const sysctls = pod.security.sysctls;
  if (!Array.isArray(sysctls) || sysctls.length === 0) return NO_VIOLATIONS;
  const violations: Violation[] = [];
  sysctls.forEach((entry, index) => {
    const name = entry && typeof entry === "object" ? (entry as { name?: unknown }).name : undefined;
    if (typeof name === "string" && PSS_SAFE_SYSCTLS.has(name)) return;
    violations.push({
      message: `the pod sets sysctl ${JSON.stringify(name ?? null)}, which is not in the safe set and can affect the node or other pods`,
      paths: [`${pod.podSecurityContextPath}.sysctls[${index}].name`],
    });
  });
  return violations;
}

/** Pod-wide root group membership: `fsGroup: 0` or GID 0 among `supplementalGroups`. */
export function rootSupplementaryGroups(pod: PodView): Violation[] {
  const fsGroupIsRoot = pod.security.fsGroup === 0;
  const groups = pod.security.supplementalGroups;
  if (!fsGroupIsRoot && (!Array.isArray(groups) || !groups.includes(0))) return NO_VIOLATIONS;
  const violations: Violation[] = [];
  if (fsGroupIsRoot) {
    violations.push({ message: "the pod sets fsGroup: 0, so its volumes are owned by the root group", paths: [podFieldPath(pod, "fsGroup")] });
  }
  if (Array.isArray(groups)) {
    groups.forEach((gid, index) => {
      if (gid === 0) {
        violations.push({
          message: "the pod adds the root group (GID 0) to supplementalGroups",
          paths: [`${pod.podSecurityContextPath}.supplementalGroups[${index}]`],
        });
      }
    });
  }
  return violations;
}

/**
 * An explicit `runAsGroup: 0`: at pod level when at least one container inherits it, and on every
 * container that sets it itself.
 */
export function explicitRootPrimaryGroups(pod: PodView): Violation[] {
  if ((pod.fieldsSet & FIELD_BITS.runAsGroup) === 0) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  let inheritors: string[] | undefined;
  for (const c of pod.containers) {
    if (effectiveValue(pod, c, "runAsGroup") !== 0) continue;
    if (inheritsFromPod(pod, c, "runAsGroup")) (inheritors ??= []).push(c.who);
    else (violations ??= []).push({ message: `${c.who} sets runAsGroup: 0 (root group)`, paths: [fieldPath(c, "runAsGroup")] });
  }
  if (inheritors) {
    (violations ??= []).unshift({
      message: `the pod sets runAsGroup: 0 (root group), inherited by ${inheritors.join(", ")}`,
      paths: [podFieldPath(pod, "runAsGroup")],
    });
  }
  return violations ?? NO_VIOLATIONS;
}

/** Windows HostProcess requested at pod level or by a container. */
export function hostProcessRequests(pod: PodView): Violation[] {
  if ((pod.fieldsSet & FIELD_BITS.windowsOptions) === 0) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  if (subfield(pod.security.windowsOptions, "hostProcess") === true) {
    violations = [
      {
        message: "the pod runs its containers as Windows HostProcess containers (host-level access)",
        paths: [podFieldPath(pod, "windowsOptions.hostProcess")],
      },
    ];
  }
  for (const c of pod.containers) {
    if (subfield(c.security.windowsOptions, "hostProcess") === true) {
      (violations ??= []).push({
        message: `${c.who} runs as a Windows HostProcess container (host-level access)`,
        paths: [fieldPath(c, "windowsOptions.hostProcess")],
      });
    }
  }
  return violations ?? NO_VIOLATIONS;
}

export type HostNamespaceField = "hostNetwork" | "hostPID" | "hostIPC";

const HOST_NAMESPACE_EFFECT: Record<HostNamespaceField, string> = {
  hostNetwork: "shares the node's network namespace (node interfaces, localhost services, traffic sniffing)",
  hostPID: "shares the node's process namespace (sees and can signal every process on the node)",
  hostIPC: "shares the node's IPC namespace (shared memory and message queues of host processes)",
};

/** The given host-namespace flags when the pod sets them to true. */
export function hostNamespacesShared(pod: PodView, fields: readonly HostNamespaceField[]): Violation[] {
  if (!pod.sharesHostNamespace) return NO_VIOLATIONS;
  let violations: Violation[] | undefined;
  for (const field of fields) {
    if (pod.spec[field] !== true) continue;
    const path = `${pod.specPath}.${field}`;
    (violations ??= []).push({
      message: `the pod sets ${field}: true and ${HOST_NAMESPACE_EFFECT[field]}`,
      paths: [path],
      fixPaths: [{ path, value: "false" }],
    });
  }
  return violations ?? NO_VIOLATIONS;
}

function addsNetRaw(cap: { name?: string }): boolean {
  return cap.name === "NET_RAW" || cap.name === "ALL";
}
