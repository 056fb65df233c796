// Per-pod hardening checks shared by the single-purpose controls (SS-0013, SS-0016, …) and by the
// composite "apply security context" control (SS-0211). Each check returns the violations it finds
// on one pod spec; callers decide whether a check applies (e.g. Linux-only checks on Windows pods).
import type { Violation } from "../../engine/types";
import type { ContainerAt } from "../../engine/workload";
import { addedCapabilities, dropsCapability } from "./capabilities";
import { CONFINING_PROFILE_TYPES, PSS_SAFE_SYSCTLS } from "./pod-security-standards";
import {
  containerSetting,
  describeContainer,
  effectiveSetting,
  listOf,
  podSetting,
  type PodView,
} from "./security-context";

function isPrivileged(c: ContainerAt): boolean {
  return containerSetting(c, "privileged").value === true;
}

/** Containers running privileged or adding SYS_ADMIN (which grants nearly the same host access). */
export function privilegedContainers(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const privileged = containerSetting(c, "privileged");
    if (privileged.value === true) {
      violations.push({ message: `${describeContainer(c)} runs privileged`, paths: [privileged.path] });
    }
    for (const cap of addedCapabilities(c)) {
      if (cap.name === "SYS_ADMIN") {
        violations.push({
          message: `${describeContainer(c)} adds SYS_ADMIN, which is close to running privileged`,
          paths: [cap.path],
        });
      }
    }
  }
  return violations;
}

/**
 * Containers that do not set `allowPrivilegeEscalation: false`. Unset means the kernel's
 * no_new_privs flag stays off, so setuid binaries and file capabilities can raise privileges.
 * `escalationBlockedByDefault` is true when admission forces the field to false when it is unset.
 */
export function privilegeEscalationAllowed(pod: PodView, escalationBlockedByDefault = false): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const setting = containerSetting<boolean>(c, "allowPrivilegeEscalation");
    if (setting.value === false) continue;
    if (setting.value === undefined) {
      if (escalationBlockedByDefault) continue;
      violations.push({
        message: `${describeContainer(c)} does not set allowPrivilegeEscalation: false, so its processes can gain privileges (setuid binaries, file capabilities)`,
        fixPaths: [{ path: setting.path, value: "false" }],
      });
    } else {
      violations.push({
        message: `${describeContainer(c)} sets allowPrivilegeEscalation: ${JSON.stringify(setting.value)}`,
        paths: [setting.path],
        fixPaths: [{ path: setting.path, value: "false" }],
      });
    }
  }
  return violations;
}

/** Containers whose root filesystem is writable (readOnlyRootFilesystem is not true). */
export function writableRootFilesystems(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const setting = containerSetting(c, "readOnlyRootFilesystem");
    if (setting.value === true) continue;
    violations.push({
      message:
        setting.value === undefined
          ? `${describeContainer(c)} has a writable root filesystem (readOnlyRootFilesystem is not set)`
          : `${describeContainer(c)} sets readOnlyRootFilesystem: ${JSON.stringify(setting.value)}`,
      paths: setting.value === undefined ? undefined : [setting.path],
      fixPaths: [{ path: setting.path, value: "true" }],
    });
  }
  return violations;
}

/**
 * Linux containers not guaranteed to run as a non-root user with a non-root primary group.
 * A user is guaranteed non-root by an effective `runAsNonRoot: true` (the kubelet refuses UID 0)
 * or an effective non-zero `runAsUser`. Without either, the image's USER decides — not proven root,
 * but not proven otherwise. The primary group must be an effective non-zero `runAsGroup`: unset,
 * it comes from the image and is usually the root group.
 */
export function linuxRootIdentities(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const who = describeContainer(c);
    const nonRoot = effectiveSetting(pod, c, "runAsNonRoot");
    const user = effectiveSetting(pod, c, "runAsUser");
    const userIsNonZero = typeof user.value === "number" && user.value > 0;
    if (nonRoot.value !== true && !userIsNonZero) {
      if (user.value === 0) {
        violations.push({ message: `${who} runs as UID 0 (root)`, paths: [user.path], fixPaths: [{ path: user.path, value: "1000" }] });
      } else {
        violations.push({
          message: `${who} may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies, so the image's user decides`,
          paths: nonRoot.value === false ? [nonRoot.path] : undefined,
          fixPaths: [{ path: `${c.path}.securityContext.runAsNonRoot`, value: "true" }],
        });
      }
    }
    const group = effectiveSetting(pod, c, "runAsGroup");
    if (typeof group.value === "number" && group.value > 0) continue;
    violations.push(
      group.value === undefined
        ? {
            message: `${who} does not set runAsGroup, so its primary group comes from the image (usually root, GID 0)`,
            fixPaths: [{ path: group.path, value: "1000" }],
          }
        : { message: `${who} runs with primary group ${JSON.stringify(group.value)} (root group)`, paths: [group.path], fixPaths: [{ path: group.path, value: "1000" }] },
    );
  }
  return violations;
}

const WINDOWS_ADMIN_ACCOUNTS = new Set(["containeradministrator", "administrator", "nt authority\\system", "system"]);

/**
 * Windows containers not guaranteed to run as a non-administrator account: they need an effective
 * `runAsNonRoot: true` (the kubelet then refuses ContainerAdministrator) or a `runAsUserName` that
 * is not an administrator account. Unset, the image decides (servercore images default to
 * ContainerAdministrator).
 */
export function windowsAdministratorIdentities(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    if (effectiveSetting(pod, c, "runAsNonRoot").value === true) continue;
    const user = effectiveSetting<string>(pod, c, "windowsOptions.runAsUserName");
    if (typeof user.value === "string" && user.value.trim() !== "") {
      if (!WINDOWS_ADMIN_ACCOUNTS.has(user.value.trim().toLowerCase())) continue;
      violations.push({ message: `${describeContainer(c)} runs as the Windows administrator account ${JSON.stringify(user.value)}`, paths: [user.path] });
    } else {
      violations.push({
        message: `${describeContainer(c)} sets neither runAsNonRoot: true nor windowsOptions.runAsUserName, so the image's account (possibly ContainerAdministrator) is used`,
        fixPaths: [{ path: user.path, value: "ContainerUser" }],
      });
    }
  }
  return violations;
}

/**
 * Linux containers that keep NET_RAW (raw sockets: ARP/DNS spoofing inside the pod network):
 * privileged containers, containers that add NET_RAW or ALL, and containers whose drop list
 * removes neither NET_RAW nor ALL.
 */
export function netRawRetained(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const who = describeContainer(c);
    if (isPrivileged(c)) {
      violations.push({ message: `${who} runs privileged and so keeps NET_RAW whatever it drops`, paths: [`${c.path}.securityContext.privileged`] });
      continue;
    }
    const added = addedCapabilities(c).filter((cap) => cap.name === "NET_RAW" || cap.name === "ALL");
    if (added.length) {
      violations.push({ message: `${who} adds ${added.map((a) => a.name).join(", ")}`, paths: added.map((a) => a.path) });
      continue;
    }
    if (!dropsCapability(c, "NET_RAW")) {
      violations.push({
        message: `${who} does not drop NET_RAW (or ALL)`,
        fixPaths: [{ path: `${c.path}.securityContext.capabilities.drop`, value: "NET_RAW" }],
      });
    }
  }
  return violations;
}

/** Containers whose effective seccomp profile is unset or not RuntimeDefault/Localhost. */
export function seccompNotEnforced(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const profile = effectiveSetting<{ type?: unknown }>(pod, c, "seccompProfile");
    const type = profile.value && typeof profile.value === "object" ? profile.value.type : undefined;
    if (typeof type === "string" && CONFINING_PROFILE_TYPES.has(type)) continue;
    if (profile.value === undefined) {
      violations.push({
        message: `${describeContainer(c)} has no seccomp profile (neither the container nor the pod sets one)`,
        fixPaths: [{ path: `${profile.path}.type`, value: "RuntimeDefault" }],
      });
    } else {
      violations.push({
        message: `${describeContainer(c)} runs with seccomp profile type ${JSON.stringify(type ?? null)}${profile.source === "pod" ? " (from the pod)" : ""}`,
        paths: [`${profile.path}.type`],
        fixPaths: [{ path: `${profile.path}.type`, value: "RuntimeDefault" }],
      });
    }
  }
  return violations;
}

/** Containers that ask for an unmasked /proc (procMount other than Default). */
export function unmaskedProcMounts(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  for (const c of pod.containers) {
    const setting = containerSetting(c, "procMount");
    if (setting.value === undefined || setting.value === "Default") continue;
    violations.push({
      message: `${describeContainer(c)} sets procMount: ${JSON.stringify(setting.value)}, exposing normally masked /proc paths`,
      paths: [setting.path],
      fixPaths: [{ path: setting.path, value: "Default" }],
    });
  }
  return violations;
}

/** Pod sysctls outside the safe (namespaced, per-pod) set. */
export function unsafeSysctls(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  listOf(pod.podSecurityContext.sysctls).forEach((entry, index) => {
    const name = entry && typeof entry === "object" ? (entry as { name?: unknown }).name : undefined;
    if (typeof name === "string" && PSS_SAFE_SYSCTLS.has(name)) return;
    violations.push({
      message: `the pod sets sysctl ${JSON.stringify(name ?? null)}, which is not in the safe set and can affect the node or other pods`,
      paths: [`${pod.specPath}.securityContext.sysctls[${index}].name`],
    });
  });
  return violations;
}

/** Pod-wide root group membership: `fsGroup: 0` or GID 0 among `supplementalGroups`. */
export function rootSupplementaryGroups(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  const fsGroup = podSetting(pod, "fsGroup");
  if (fsGroup.value === 0) {
    violations.push({ message: "the pod sets fsGroup: 0, so its volumes are owned by the root group", paths: [fsGroup.path] });
  }
  listOf(pod.podSecurityContext.supplementalGroups).forEach((gid, index) => {
    if (gid === 0) {
      violations.push({
        message: "the pod adds the root group (GID 0) to supplementalGroups",
        paths: [`${pod.specPath}.securityContext.supplementalGroups[${index}]`],
      });
    }
  });
  return violations;
}

/**
 * An explicit `runAsGroup: 0`: at pod level when at least one container inherits it, and on every
 * container that sets it itself.
 */
export function explicitRootPrimaryGroups(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  const inheritors: string[] = [];
  for (const c of pod.containers) {
    const group = effectiveSetting(pod, c, "runAsGroup");
    if (group.value !== 0) continue;
    if (group.source === "pod") inheritors.push(describeContainer(c));
    else violations.push({ message: `${describeContainer(c)} sets runAsGroup: 0 (root group)`, paths: [group.path] });
  }
  if (inheritors.length) {
    violations.unshift({
      message: `the pod sets runAsGroup: 0 (root group), inherited by ${inheritors.join(", ")}`,
      paths: [`${pod.specPath}.securityContext.runAsGroup`],
    });
  }
  return violations;
}

/** Windows HostProcess requested at pod level or by a container. */
export function hostProcessRequests(pod: PodView): Violation[] {
  const violations: Violation[] = [];
  const podLevel = podSetting(pod, "windowsOptions.hostProcess");
  if (podLevel.value === true) {
    violations.push({ message: "the pod runs its containers as Windows HostProcess containers (host-level access)", paths: [podLevel.path] });
  }
  for (const c of pod.containers) {
    const own = containerSetting(c, "windowsOptions.hostProcess");
    if (own.value === true) {
      violations.push({ message: `${describeContainer(c)} runs as a Windows HostProcess container (host-level access)`, paths: [own.path] });
    }
  }
  return violations;
}

export type HostNamespaceField = "hostNetwork" | "hostPID" | "hostIPC";

const HOST_NAMESPACE_EFFECT: Record<HostNamespaceField, string> = {
  hostNetwork: "shares the node's network namespace (node interfaces, localhost services, traffic sniffing)",
  hostPID: "shares the node's process namespace (sees and can signal every process on the node)",
  hostIPC: "shares the node's IPC namespace (shared memory and message queues of host processes)",
};

/** The given host-namespace flags when the pod sets them to true. */
export function hostNamespacesShared(pod: PodView, fields: readonly HostNamespaceField[]): Violation[] {
  const violations: Violation[] = [];
  for (const field of fields) {
    if (pod.spec[field] !== true) continue;
    violations.push({
      message: `the pod sets ${field}: true and ${HOST_NAMESPACE_EFFECT[field]}`,
      paths: [`${pod.specPath}.${field}`],
      fixPaths: [{ path: `${pod.specPath}.${field}`, value: "false" }],
    });
  }
  return violations;
}
